// Minimal cppkafka declarations for flowshape's tests (checked against
// mfontanini/cppkafka include/cppkafka/kafka_handle_base.h at 9c5ea0e). The
// handle's timeout, used by poll() and flush() without one, defaults to
// 1000 ms (KafkaHandleBase::DEFAULT_TIMEOUT in src/kafka_handle_base.cpp).
#pragma once

#include "configuration.h"

#include <librdkafka/rdkafka.h>

#include <chrono>
#include <string>

namespace cppkafka {

class KafkaHandleBase {
public:
  virtual ~KafkaHandleBase() = default;
  KafkaHandleBase(const KafkaHandleBase &) = delete;
  KafkaHandleBase &operator=(const KafkaHandleBase &) = delete;

  void pause(const std::string &topic);
  void resume(const std::string &topic);
  void set_timeout(std::chrono::milliseconds timeout);
  void add_brokers(const std::string &brokers);
  rd_kafka_t *get_handle() const;
  std::string get_name() const;
  std::chrono::milliseconds get_timeout() const;
  const Configuration &get_configuration() const;
  int get_out_queue_length() const;

protected:
  KafkaHandleBase(Configuration config);
};

} // namespace cppkafka
