// Minimal cppkafka declarations for flowshape's tests (checked against
// mfontanini/cppkafka include/cppkafka/utils/consumer_dispatcher.h at
// 9c5ea0e). run() polls until stop() and hands each message to the functor
// that takes it.
#pragma once

#include "../consumer.h"

namespace cppkafka {

template <typename ConsumerType> class BasicConsumerDispatcher {
public:
  struct Timeout {};
  struct EndOfFile {};
  BasicConsumerDispatcher(ConsumerType &consumer);
  // Defined here because its arguments are often lambdas (types without
  // linkage); the body of the real one is not needed by the tests.
  template <typename... Args> void run(const Args &...) {}
  void stop();
};

using ConsumerDispatcher = BasicConsumerDispatcher<Consumer>;

} // namespace cppkafka
