// AMQP-CPP DeferredPublish: what Reliable::publish returns; onAck / onNack /
// onLost report the broker's confirm of that message
// (include/amqpcpp/deferredpublish.h at 839f74f).
#pragma once

#include "deferred.h"

namespace AMQP {
class DeferredPublish : public Deferred {
public:
  DeferredPublish(bool failed = false);
  DeferredPublish &onAck(const PublishAckCallback &callback);
  DeferredPublish &onAck(PublishAckCallback &&callback);
  DeferredPublish &onNack(const PublishNackCallback &callback);
  DeferredPublish &onNack(PublishNackCallback &&callback);
  DeferredPublish &onLost(const PublishLostCallback &callback);
  DeferredPublish &onLost(PublishLostCallback &&callback);
};
} // namespace AMQP
