#pragma once

#include "checkout/EventBus.h"

#include <librdkafka/rdkafkacpp.h>

#include <atomic>

namespace checkout {

class FulfillmentWorker {
public:
  FulfillmentWorker(RdKafka::KafkaConsumer *consumer, EventBus &bus) : consumer_(consumer), bus_(bus) {}
  void run();
  void stop() { running_ = false; }

private:
  void handle(const RdKafka::Message &order);
  RdKafka::KafkaConsumer *consumer_;
  EventBus &bus_;
  std::atomic<bool> running_{true};
};

} // namespace checkout
