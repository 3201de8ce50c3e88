#pragma once

#include <librdkafka/rdkafkacpp.h>

namespace quotes {

class Awaiter;

class Requester {
public:
  Requester(RdKafka::Producer *producer, Awaiter &awaiter) : producer_(producer), awaiter_(awaiter) {}
  bool send(int attemptsLeft);

private:
  RdKafka::Producer *producer_;
  Awaiter &awaiter_;
};

class Awaiter {
public:
  explicit Awaiter(RdKafka::KafkaConsumer *consumer) : consumer_(consumer) {}
  bool awaitOrRetry(Requester &requester, int attemptsLeft);

private:
  RdKafka::KafkaConsumer *consumer_;
};

} // namespace quotes
