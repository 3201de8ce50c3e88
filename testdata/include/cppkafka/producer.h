// Minimal cppkafka declarations for flowshape's tests (checked against
// mfontanini/cppkafka include/cppkafka/producer.h at 9c5ea0e).
#pragma once

#include "configuration.h"
#include "kafka_handle_base.h"
#include "message.h"
#include "message_builder.h"

#include <chrono>

namespace cppkafka {

class Producer : public KafkaHandleBase {
public:
  enum class PayloadPolicy { PASSTHROUGH_PAYLOAD = 0, COPY_PAYLOAD = RD_KAFKA_MSG_F_COPY, FREE_PAYLOAD = RD_KAFKA_MSG_F_FREE };

  Producer(Configuration config);
  void set_payload_policy(PayloadPolicy policy);
  PayloadPolicy get_payload_policy() const;

  void produce(const MessageBuilder &builder);
  void produce(MessageBuilder &&builder);
  void produce(const Message &message);
  void produce(Message &&message);

  int poll();
  int poll(std::chrono::milliseconds timeout);
  void flush();
  void flush(std::chrono::milliseconds timeout);
};

} // namespace cppkafka
