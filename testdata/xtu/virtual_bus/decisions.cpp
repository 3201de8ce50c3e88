#include "decisions.h"

namespace approvals {

std::future<bool> Decisions::await(const std::string &requestId) {
  std::lock_guard<std::mutex> lock(mutex_);
  return waiting_[requestId].get_future();
}

void Decisions::consume_cb(RdKafka::Message &message, void *) { // SHAPE: event-driven
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = waiting_.find(message.key() ? *message.key() : std::string());
  if (it != waiting_.end()) {
    it->second.set_value(message.len() > 0); // EVIDENCE: completed-by
    waiting_.erase(it);
  }
}

} // namespace approvals
