// The service's event bus: a thin wrapper over a Kafka producer.
#pragma once

#include <librdkafka/rdkafkacpp.h>

#include <string>

namespace checkout {

class EventBus {
public:
  explicit EventBus(RdKafka::Producer *producer) : producer_(producer) {}
  // Publishes a fact and moves on; delivery is confirmed asynchronously.
  void publish(const std::string &topic, const std::string &payload);

private:
  RdKafka::Producer *producer_;
};

} // namespace checkout
