// Verdicts of the fraud service arrive on a reply topic and complete the
// promise registered for the order.
#pragma once

#include <librdkafka/rdkafkacpp.h>

#include <future>
#include <map>
#include <mutex>
#include <string>

namespace fraud {

class FraudReplies : public RdKafka::ConsumeCb {
public:
  std::future<bool> expect(const std::string &orderId);
  void consume_cb(RdKafka::Message &message, void *opaque) override;

private:
  std::mutex mutex_;
  std::map<std::string, std::promise<bool>> pending_;
};

} // namespace fraud
