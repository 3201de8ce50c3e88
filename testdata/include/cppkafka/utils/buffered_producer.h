// Minimal cppkafka declarations for flowshape's tests (checked against
// mfontanini/cppkafka include/cppkafka/utils/buffered_producer.h at 9c5ea0e).
#pragma once

#include "../configuration.h"
#include "../message.h"
#include "../message_builder.h"
#include "../producer.h"

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace cppkafka {

template <typename BufferType, typename Allocator = std::allocator<ConcreteMessageBuilder<BufferType>>>
class BufferedProducer {
public:
  enum class FlushMethod { Sync, Async };
  using Builder = ConcreteMessageBuilder<BufferType>;
  using ProduceSuccessCallback = std::function<void(const Message &)>;
  using ProduceFailureCallback = std::function<bool(const Message &)>;

  BufferedProducer(Configuration config, const Allocator &alloc = Allocator());

  void add_message(const MessageBuilder &builder);
  void add_message(Builder builder);
  void produce(const MessageBuilder &builder);
  void sync_produce(const MessageBuilder &builder);
  bool sync_produce(const MessageBuilder &builder, std::chrono::milliseconds timeout);
  void produce(const Message &message);
  void async_flush();
  void flush(bool preserve_order = false);
  bool flush(std::chrono::milliseconds timeout, bool preserve_order = false);
  void wait_for_acks();
  bool wait_for_acks(std::chrono::milliseconds timeout);
  void clear();
  size_t get_buffer_size() const;
  size_t get_pending_acks() const;
  Producer &get_producer();
  Builder make_builder(std::string topic);
  void set_produce_success_callback(ProduceSuccessCallback callback);
  void set_produce_failure_callback(ProduceFailureCallback callback);
};

} // namespace cppkafka
