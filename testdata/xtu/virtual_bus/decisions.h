// Approval decisions arrive as messages and complete a waiting promise.
#pragma once

#include <librdkafka/rdkafkacpp.h>

#include <future>
#include <map>
#include <mutex>
#include <string>

namespace approvals {

class Decisions : public RdKafka::ConsumeCb {
public:
  std::future<bool> await(const std::string &requestId);
  void consume_cb(RdKafka::Message &message, void *opaque) override;

private:
  std::mutex mutex_;
  std::map<std::string, std::promise<bool>> waiting_;
};

} // namespace approvals
