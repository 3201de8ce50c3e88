// A pplx task made from a task_completion_event that the Kafka consume
// callback completes: the caller waits for the reply, as with std::promise.
#include <librdkafka/rdkafkacpp.h>
#include <pplx/pplxtasks.h>

#include <map>
#include <mutex>
#include <string>

class QuoteClient : public RdKafka::ConsumeCb {
public:
  std::string quote(const std::string &sku) { // SHAPE: messaging-request-reply
    pplx::task_completion_event<std::string> answer;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      pending_[sku] = answer;
    }
    producer_->produce("pricing.quote-requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                       const_cast<char *>(sku.data()), sku.size(), nullptr, 0, 0, nullptr, nullptr);
    return pplx::create_task(answer).get(); // EXPECT: sync-over-queue, unbounded-reply-wait
  }

  void consume_cb(RdKafka::Message &message, void *) override { // SHAPE: event-driven
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = pending_.find(message.key() ? *message.key() : std::string());
    if (it != pending_.end())
      it->second.set(std::string(static_cast<const char *>(message.payload()), message.len())); // EVIDENCE: completed-by
  }

private:
  RdKafka::Producer *producer_ = nullptr;
  std::mutex mutex_;
  std::map<std::string, pplx::task_completion_event<std::string>> pending_;
};
