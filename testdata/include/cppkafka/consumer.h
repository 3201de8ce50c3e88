// Minimal cppkafka declarations for flowshape's tests (checked against
// mfontanini/cppkafka include/cppkafka/consumer.h at 9c5ea0e).
#pragma once

#include "configuration.h"
#include "kafka_handle_base.h"
#include "message.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace cppkafka {

class TopicPartitionList;

class Consumer : public KafkaHandleBase {
public:
  using AssignmentCallback = std::function<void(TopicPartitionList &)>;
  using RevocationCallback = std::function<void(const TopicPartitionList &)>;

  Consumer(Configuration config);
  Consumer(const Consumer &) = delete;
  Consumer &operator=(const Consumer &) = delete;
  ~Consumer();

  void set_assignment_callback(AssignmentCallback callback);
  void set_revocation_callback(RevocationCallback callback);
  void subscribe(const std::vector<std::string> &topics);
  void unsubscribe();
  void commit();
  void async_commit();
  void commit(const Message &msg);
  void async_commit(const Message &msg);
  std::vector<std::string> get_subscription() const;

  Message poll();
  Message poll(std::chrono::milliseconds timeout);
  std::vector<Message> poll_batch(size_t max_batch_size);
  std::vector<Message> poll_batch(size_t max_batch_size, std::chrono::milliseconds timeout);
};

} // namespace cppkafka
