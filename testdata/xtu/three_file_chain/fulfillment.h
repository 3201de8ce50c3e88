#pragma once

#include "outbox.h"

#include <string>

namespace shipping {

class Fulfillment {
public:
  explicit Fulfillment(rd_kafka_t *rk) : rk_(rk) {}
  void start(const std::string &orderId);

private:
  rd_kafka_t *rk_;
};

} // namespace shipping
