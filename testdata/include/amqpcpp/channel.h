// AMQP-CPP Channel (include/amqpcpp/channel.h at 839f74f). The real methods
// forward to ChannelImpl; here they are declarations only.
#pragma once

#include "deferredconfirm.h"
#include "deferredconsumer.h"
#include "deferredget.h"
#include "deferredqueue.h"
#include "envelope.h"
#include "exchangetype.h"
#include "table.h"

#include <string>
#include <string_view>

namespace AMQP {
class Channel {
public:
  Channel(Connection *connection);
  Channel(const Channel &channel) = delete;
  virtual ~Channel();

  void onReady(const SuccessCallback &callback);
  void onError(const ErrorCallback &callback);
  bool ready() const;
  bool usable() const;
  DeferredConfirm &confirmSelect();

  Deferred &declareExchange(const std::string_view &name, ExchangeType type, int flags, const Table &arguments);
  Deferred &declareExchange(const std::string_view &name, ExchangeType type = fanout, int flags = 0);
  Deferred &bindQueue(const std::string_view &exchange, const std::string_view &queue,
                      const std::string_view &routingkey);

  DeferredQueue &declareQueue(const std::string_view &name, int flags, const Table &arguments);
  DeferredQueue &declareQueue(const std::string_view &name, const Table &arguments);
  DeferredQueue &declareQueue(const std::string_view &name, int flags = 0);
  DeferredQueue &declareQueue(int flags, const Table &arguments);
  DeferredQueue &declareQueue(const Table &arguments);
  DeferredQueue &declareQueue(int flags = 0);

  bool publish(const std::string_view &exchange, const std::string_view &routingKey, const Envelope &envelope,
               int flags = 0);
  bool publish(const std::string_view &exchange, const std::string_view &routingKey, const std::string &message,
               int flags = 0);
  bool publish(const std::string_view &exchange, const std::string_view &routingKey, const char *message, size_t size,
               int flags = 0);
  bool publish(const std::string_view &exchange, const std::string_view &routingKey, const char *message,
               int flags = 0);

  Deferred &setQos(uint16_t prefetchCount, bool global = false);
  DeferredConsumer &consume(const std::string_view &queue, const std::string_view &tag, int flags,
                            const Table &arguments);
  DeferredConsumer &consume(const std::string_view &queue, const std::string_view &tag, int flags = 0);
  DeferredConsumer &consume(const std::string_view &queue, const std::string_view &tag, const Table &arguments);
  DeferredConsumer &consume(const std::string_view &queue, int flags, const Table &arguments);
  DeferredConsumer &consume(const std::string_view &queue, int flags = 0);
  DeferredConsumer &consume(const std::string_view &queue, const Table &arguments);
  Deferred &cancel(const std::string_view &tag);
  DeferredGet &get(const std::string_view &queue, int flags = 0);
  bool ack(uint64_t deliveryTag, int flags = 0);
  bool reject(uint64_t deliveryTag, int flags = 0);
  Deferred &close();
};
} // namespace AMQP
