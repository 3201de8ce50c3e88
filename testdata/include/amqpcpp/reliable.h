// AMQP-CPP Reliable: confirm mode with a DeferredPublish per message
// (include/amqpcpp/reliable.h at 839f74f).
#pragma once

#include "deferredpublish.h"
#include "tagger.h"

#include <string_view>
#include <utility>

namespace AMQP {
template <typename BASE = Tagger> class Reliable : public BASE {
public:
  template <typename... Args> Reliable(Args &&...args) : BASE(std::forward<Args>(args)...) {}
  Reliable(const Reliable &other) = delete;
  virtual ~Reliable() = default;
  DeferredPublish &publish(const std::string_view &exchange, const std::string_view &routingKey,
                           const std::string_view &message, int flags = 0);
  DeferredPublish &publish(const std::string_view &exchange, const std::string_view &routingKey, const char *message,
                           int flags = 0);
  DeferredPublish &publish(const std::string_view &exchange, const std::string_view &routingKey,
                           const Envelope &envelope, int flags = 0);
};
} // namespace AMQP
