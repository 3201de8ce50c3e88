// AMQP-CPP Deferred: the result of an asynchronous operation, with callbacks
// for its outcome (include/amqpcpp/deferred.h at 839f74f).
#pragma once

#include "callbacks.h"

namespace AMQP {
class Deferred {
public:
  Deferred(bool failed = false);
  Deferred(const Deferred &that) = delete;
  virtual ~Deferred();
  operator bool() const;
  Deferred &onSuccess(const SuccessCallback &callback);
  Deferred &onSuccess(SuccessCallback &&callback);
  Deferred &onError(const ErrorCallback &callback);
  Deferred &onError(ErrorCallback &&callback);
  Deferred &onFinalize(const FinalizeCallback &callback);
  Deferred &onFinalize(FinalizeCallback &&callback);
};
} // namespace AMQP
