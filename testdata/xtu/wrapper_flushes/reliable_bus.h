#pragma once

#include <librdkafka/rdkafkacpp.h>

#include <string>

namespace billing {

// Publishes and waits until the broker has the message: durability, not a
// wait for any consumer's answer.
class ReliableBus {
public:
  explicit ReliableBus(RdKafka::Producer *producer) : producer_(producer) {}
  bool publishDurably(const std::string &topic, const std::string &payload);

private:
  RdKafka::Producer *producer_;
};

} // namespace billing
