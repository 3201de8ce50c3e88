// The largest duration is no timeout at all.
#include <librdkafka/rdkafkacpp.h>

#include <chrono>
#include <future>
#include <string>

class RateReplies : public RdKafka::ConsumeCb {
public:
  void consume_cb(RdKafka::Message &message, void *) override { rate_.set_value(1.0); } // SHAPE: event-driven
  std::future<double> next() { return rate_.get_future(); }

private:
  std::promise<double> rate_;
};

double taxRate(RdKafka::Producer *producer, RateReplies &replies, const std::string &region) { // SHAPE: messaging-request-reply
  std::future<double> rate = replies.next();
  producer->produce("tax.rate-requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char *>(region.data()), region.size(), nullptr, 0, 0, nullptr, nullptr);
  if (rate.wait_for(std::chrono::milliseconds::max()) != std::future_status::ready) // EXPECT: sync-over-queue, unbounded-reply-wait
    return 0.0;
  return rate.get();
}

double taxRateBounded(RdKafka::Producer *producer, RateReplies &replies, const std::string &region) { // SHAPE: messaging-request-reply
  std::future<double> rate = replies.next();
  producer->produce("tax.rate-requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char *>(region.data()), region.size(), nullptr, 0, 0, nullptr, nullptr);
  if (rate.wait_for(std::chrono::milliseconds(500)) != std::future_status::ready) // EXPECT: sync-over-queue
    return 0.0;
  return rate.get();
}
