// "A team moves a synchronous approval workflow onto a broker but still
// requires the caller to wait for the approval result before continuing."
#include "checkout/Approval.h"

namespace checkout {

bool ApprovalClient::requestApproval(const std::string &orderId, long totalCents) { // SHAPE: messaging-request-reply
  std::future<bool> decision;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    decision = pending_[orderId].get_future();
  }
  RdKafka::Headers *headers = RdKafka::Headers::create();
  headers->add("reply-topic", "approval.replies"); // EVIDENCE: reply-marker
  headers->add("correlation-id", orderId);
  std::string body = "{\"orderId\":\"" + orderId + "\",\"total\":" + std::to_string(totalCents) + "}";
  producer_->produce("approval.requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, // EVIDENCE: publish
                     const_cast<char *>(body.data()), body.size(), nullptr, 0, 0, headers, nullptr);
  return decision.get(); // EXPECT: sync-over-queue, unbounded-reply-wait
}

void ApprovalClient::consume_cb(RdKafka::Message &message, void *) { // SHAPE: event-driven
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = pending_.find(message.key() ? *message.key() : std::string());
  if (it == pending_.end())
    return;
  it->second.set_value(message.len() > 0 && static_cast<const char *>(message.payload())[0] == 'y'); // EVIDENCE: completed-by
  pending_.erase(it);
}

} // namespace checkout
