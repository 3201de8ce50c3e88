// A promise per request, completed by the Kafka consume callback when the
// reply arrives: the caller still waits for the answer.
#include <librdkafka/rdkafkacpp.h>

#include <chrono>
#include <future>
#include <map>
#include <mutex>
#include <string>

class PricingClient : public RdKafka::ConsumeCb {
public:
  double quote(const std::string &sku) { // SHAPE: messaging-request-reply
    std::promise<double> promise;
    std::future<double> reply = promise.get_future();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      pending_[sku] = std::move(promise);
    }
    producer_->produce("pricing.quote-requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                       const_cast<char *>(sku.data()), sku.size(), nullptr, 0, 0, nullptr, nullptr);
    return reply.get(); // EXPECT: sync-over-queue, unbounded-reply-wait
  }

  double quoteWithTimeout(const std::string &sku) { // SHAPE: messaging-request-reply
    std::future<double> reply = pending_[sku].get_future();
    producer_->produce("pricing.quote-requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                       const_cast<char *>(sku.data()), sku.size(), nullptr, 0, 0, nullptr, nullptr);
    if (reply.wait_for(std::chrono::seconds(2)) != std::future_status::ready) // EXPECT: sync-over-queue
      return -1;
    return reply.get();
  }

  void consume_cb(RdKafka::Message &message, void *) override { // SHAPE: event-driven
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = pending_.find(message.key() ? *message.key() : std::string());
    if (it != pending_.end())
      it->second.set_value(42.0); // EVIDENCE: completed-by
  }

private:
  RdKafka::Producer *producer_ = nullptr;
  std::mutex mutex_;
  std::map<std::string, std::promise<double>> pending_;
};
