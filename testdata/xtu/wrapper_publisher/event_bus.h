// The service's event bus: a thin wrapper over a Kafka producer.
#pragma once

#include <librdkafka/rdkafkacpp.h>

#include <string>

namespace fraud {

class EventBus {
public:
  explicit EventBus(RdKafka::Producer *producer) : producer_(producer) {}
  void publish(const std::string &topic, const std::string &payload);

private:
  RdKafka::Producer *producer_;
};

} // namespace fraud
