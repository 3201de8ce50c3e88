// Boost.Thread's futures and condition variables, completed by a Kafka
// consume callback: waiting on them after publishing waits for the reply.
#define BOOST_THREAD_VERSION 4
#include <boost/thread/condition_variable.hpp>
#include <boost/thread/future.hpp>
#include <boost/thread/mutex.hpp>
#include <librdkafka/rdkafkacpp.h>

#include <string>

class QuoteClient : public RdKafka::ConsumeCb {
public:
  double quote(const std::string &sku) { // SHAPE: messaging-request-reply
    promise_ = boost::promise<double>();
    boost::future<double> reply = promise_.get_future();
    produce(sku);
    return reply.get(); // EXPECT: sync-over-queue, unbounded-reply-wait
  }

  double quoteWithin(const std::string &sku) { // SHAPE: messaging-request-reply
    boost::future<double> reply = promise_.get_future();
    produce(sku);
    if (reply.wait_for(boost::chrono::seconds(2)) != boost::future_status::ready) // EXPECT: sync-over-queue
      return -1;
    return reply.get();
  }

  bool await(const std::string &sku) { // SHAPE: messaging-request-reply
    boost::unique_lock<boost::mutex> lock(mutex_);
    produce(sku);
    while (!answered_)
      answeredCv_.wait(lock); // EXPECT: sync-over-queue, unbounded-reply-wait
    return true;
  }

  void consume_cb(RdKafka::Message &, void *) override { // SHAPE: event-driven
    promise_.set_value(42.0); // EVIDENCE: completed-by
    boost::lock_guard<boost::mutex> lock(mutex_);
    answered_ = true;
    answeredCv_.notify_all();
  }

private:
  void produce(const std::string &sku) { // SHAPE: event-driven
    producer_->produce("pricing.quote-requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                       const_cast<char *>(sku.data()), sku.size(), nullptr, 0, 0, nullptr, nullptr);
  }

  RdKafka::Producer *producer_ = nullptr;
  boost::promise<double> promise_;
  boost::mutex mutex_;
  boost::condition_variable answeredCv_;
  bool answered_ = false;
};
