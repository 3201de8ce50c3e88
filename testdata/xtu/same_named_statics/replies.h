// Replies of other services, handed over by a Kafka consume callback.
#pragma once

#include <librdkafka/rdkafkacpp.h>

#include <future>
#include <map>
#include <mutex>
#include <string>

extern RdKafka::Producer *gProducer;

class Replies : public RdKafka::ConsumeCb {
public:
  std::future<std::string> await(const std::string &id);
  void consume_cb(RdKafka::Message &message, void *opaque) override;

private:
  std::mutex mutex_;
  std::map<std::string, std::promise<std::string>> waiting_;
};
