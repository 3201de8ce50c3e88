// AMQP-CPP DeferredConfirm: what Channel::confirmSelect returns; onAck /
// onNack report publisher confirms (include/amqpcpp/deferredconfirm.h at
// 839f74f).
#pragma once

#include "deferred.h"

namespace AMQP {
class DeferredConfirm : public Deferred {
public:
  DeferredConfirm(bool failed = false);
  DeferredConfirm &onSuccess(SuccessCallback &&callback);
  DeferredConfirm &onAck(AckCallback &&callback);
  DeferredConfirm &onNack(NackCallback &&callback);
};
} // namespace AMQP
