// AMQP-CPP Tagger: a channel in confirm mode that numbers its publishes
// (include/amqpcpp/tagger.h at 839f74f).
#pragma once

#include "channel.h"

#include <cstdint>
#include <string_view>

namespace AMQP {
class Tagger {
public:
  Tagger(AMQP::Channel &channel);
  Tagger(const Tagger &other) = delete;
  virtual ~Tagger();
  virtual size_t unacknowledged() const { return 0; }
  uint64_t publish(const std::string_view &exchange, const std::string_view &routingKey, const Envelope &envelope,
                   int flags = 0);
  uint64_t publish(const std::string_view &exchange, const std::string_view &routingKey,
                   const std::string_view &message, int flags = 0);
  uint64_t publish(const std::string_view &exchange, const std::string_view &routingKey, const char *message,
                   int flags = 0);
  Deferred &close();
  void onError(const ErrorCallback &callback);
};
} // namespace AMQP
