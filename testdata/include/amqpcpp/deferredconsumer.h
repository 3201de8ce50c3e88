// AMQP-CPP DeferredConsumer: what Channel::consume returns; onReceived /
// onMessage register the message callback (include/amqpcpp/deferredconsumer.h
// at 839f74f; DeferredReceiver and DeferredExtReceiver folded in).
#pragma once

#include "deferred.h"

namespace AMQP {
class DeferredConsumer : public Deferred {
public:
  DeferredConsumer(ChannelImpl *channel, bool failed = false);
  DeferredConsumer &onSuccess(const ConsumeCallback &callback);
  DeferredConsumer &onSuccess(ConsumeCallback &&callback);
  DeferredConsumer &onSuccess(const SuccessCallback &callback);
  DeferredConsumer &onSuccess(SuccessCallback &&callback);
  DeferredConsumer &onReceived(const MessageCallback &callback);
  DeferredConsumer &onReceived(MessageCallback &&callback);
  DeferredConsumer &onMessage(const MessageCallback &callback);
  DeferredConsumer &onMessage(MessageCallback &&callback);
  DeferredConsumer &onCancelled(const ConsumeCallback &callback);
};
} // namespace AMQP
