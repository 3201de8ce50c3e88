// AMQP-CPP DeferredQueue: what Channel::declareQueue returns; onSuccess gets
// the queue's name (include/amqpcpp/deferredqueue.h at 839f74f).
#pragma once

#include "deferred.h"

namespace AMQP {
class DeferredQueue : public Deferred {
public:
  DeferredQueue(bool failed = false);
  DeferredQueue &onSuccess(const QueueCallback &callback);
  DeferredQueue &onSuccess(QueueCallback &&callback);
  DeferredQueue &onSuccess(const SuccessCallback &callback);
  DeferredQueue &onSuccess(SuccessCallback &&callback);
};
} // namespace AMQP
