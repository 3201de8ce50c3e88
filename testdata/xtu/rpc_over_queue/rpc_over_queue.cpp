#include "rpc_over_queue.h"

#include <chrono>

namespace rpc {

std::string RpcOverQueue::call(const std::string &topic, const std::string &body) { // SHAPE: messaging-request-reply
  std::string id;
  std::future<std::string> reply;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    id = std::to_string(++next_);
    reply = pending_[id].get_future();
  }
  RdKafka::Headers *headers = RdKafka::Headers::create();
  headers->add("reply-topic", "rpc.replies"); // EVIDENCE: reply-marker
  headers->add("correlation-id", id);
  producer_->produce(topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, // EVIDENCE: publish
                     const_cast<char *>(body.data()), body.size(), nullptr, 0, 0, headers, nullptr);
  if (reply.wait_for(std::chrono::seconds(3)) != std::future_status::ready) // EXPECT: sync-over-queue
    return {};
  return reply.get();
}

void RpcOverQueue::consume_cb(RdKafka::Message &message, void *) { // SHAPE: event-driven
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = pending_.find(message.key() ? *message.key() : std::string());
  if (it == pending_.end())
    return;
  it->second.set_value(std::string(static_cast<const char *>(message.payload()), message.len())); // EVIDENCE: completed-by
  pending_.erase(it);
}

} // namespace rpc
