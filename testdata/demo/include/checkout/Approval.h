#pragma once

#include <librdkafka/rdkafkacpp.h>

#include <future>
#include <map>
#include <mutex>
#include <string>

namespace checkout {

// The approval workflow used to be an HTTP call; it was "moved onto the
// broker". The caller still waits for the decision.
class ApprovalClient : public RdKafka::ConsumeCb {
public:
  explicit ApprovalClient(RdKafka::Producer *producer) : producer_(producer) {}
  bool requestApproval(const std::string &orderId, long totalCents);
  // Replies arrive on "approval.replies".
  void consume_cb(RdKafka::Message &message, void *opaque) override;

private:
  RdKafka::Producer *producer_;
  std::mutex mutex_;
  std::map<std::string, std::promise<bool>> pending_;
};

} // namespace checkout
