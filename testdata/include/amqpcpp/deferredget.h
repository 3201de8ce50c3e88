// AMQP-CPP DeferredGet: what Channel::get returns (include/amqpcpp/deferredget.h
// at 839f74f).
#pragma once

#include "deferred.h"

namespace AMQP {
class DeferredGet : public Deferred {
public:
  DeferredGet(ChannelImpl *channel, bool failed = false);
  DeferredGet &onSuccess(MessageCallback &&callback);
  DeferredGet &onReceived(MessageCallback &&callback);
  DeferredGet &onMessage(MessageCallback &&callback);
  DeferredGet &onEmpty(EmptyCallback &&callback);
};
} // namespace AMQP
