// A request/reply helper over Kafka: publishes with reply headers and waits
// for the correlated answer that the consume callback hands over.
#pragma once

#include <librdkafka/rdkafkacpp.h>

#include <future>
#include <map>
#include <mutex>
#include <string>

namespace rpc {

class RpcOverQueue : public RdKafka::ConsumeCb {
public:
  explicit RpcOverQueue(RdKafka::Producer *producer) : producer_(producer) {}
  std::string call(const std::string &topic, const std::string &body);
  void consume_cb(RdKafka::Message &message, void *opaque) override;

private:
  RdKafka::Producer *producer_;
  std::mutex mutex_;
  long next_ = 0;
  std::map<std::string, std::promise<std::string>> pending_;
};

} // namespace rpc
