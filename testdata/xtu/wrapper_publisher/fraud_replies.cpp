#include "fraud_replies.h"

namespace fraud {

std::future<bool> FraudReplies::expect(const std::string &orderId) {
  std::lock_guard<std::mutex> lock(mutex_);
  return pending_[orderId].get_future();
}

void FraudReplies::consume_cb(RdKafka::Message &message, void *) { // SHAPE: event-driven
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = pending_.find(message.key() ? *message.key() : std::string());
  if (it == pending_.end())
    return;
  it->second.set_value(message.len() > 0); // EVIDENCE: completed-by
  pending_.erase(it);
}

} // namespace fraud
