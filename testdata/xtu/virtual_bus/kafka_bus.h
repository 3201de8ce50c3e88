#pragma once

#include "bus.h"

#include <librdkafka/rdkafkacpp.h>

namespace approvals {

class KafkaBus : public Bus {
public:
  explicit KafkaBus(RdKafka::Producer *producer) : producer_(producer) {}
  void publish(const std::string &topic, const std::string &payload) override;

private:
  RdKafka::Producer *producer_;
};

} // namespace approvals
