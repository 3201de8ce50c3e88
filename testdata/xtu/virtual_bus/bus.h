// The service talks to an abstract bus; production wires in Kafka.
#pragma once

#include <string>

namespace approvals {

class Bus {
public:
  virtual ~Bus() = default;
  virtual void publish(const std::string &topic, const std::string &payload) = 0;
};

} // namespace approvals
