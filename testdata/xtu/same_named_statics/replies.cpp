#include "replies.h"

RdKafka::Producer *gProducer = nullptr;

std::future<std::string> Replies::await(const std::string &id) {
  std::lock_guard<std::mutex> lock(mutex_);
  return waiting_[id].get_future();
}

void Replies::consume_cb(RdKafka::Message &message, void *) { // SHAPE: event-driven
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = waiting_.find(message.key() ? *message.key() : std::string());
  if (it != waiting_.end()) {
    it->second.set_value(std::string(static_cast<const char *>(message.payload()), message.len())); // EVIDENCE: completed-by
    waiting_.erase(it);
  }
}
