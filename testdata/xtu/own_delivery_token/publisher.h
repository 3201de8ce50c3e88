#pragma once

#include "delivery_acks.h"

#include <string>

namespace orders {

class Publisher {
public:
  Publisher(RdKafka::Producer *producer, DeliveryAcks &acks) : producer_(producer), acks_(acks) {}
  // Publishes; the future is the delivery report of this message.
  std::future<bool> publishAsync(const std::string &topic, const std::string &payload);
  // Publishes and waits for its own delivery report.
  bool publishConfirmed(const std::string &topic, const std::string &payload);

private:
  RdKafka::Producer *producer_;
  DeliveryAcks &acks_;
};

} // namespace orders
