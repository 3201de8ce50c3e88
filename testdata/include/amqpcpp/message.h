// AMQP-CPP Message: a message received (include/amqpcpp/message.h at
// 839f74f).
#pragma once

#include "envelope.h"

#include <string>

namespace AMQP {
class Message : public Envelope {
public:
  Message(std::string exchange, std::string routingkey);
  Message(const Message &message) = delete;
  virtual ~Message();
  const std::string &exchange() const;
  const std::string &routingkey() const;
};
} // namespace AMQP
