// Every form of suppression, each on findings it covers: nothing is shown,
// and no suppression is unused. tests/SuppressionsTest.cpp checks that each
// finding is still in the report, suppressed, with its kind and reason.
// EXPECT-NONE
#include <librdkafka/rdkafkacpp.h>

#include <future>
#include <map>
#include <string>

class PricingClient : public RdKafka::ConsumeCb {
public:
  double sameLine(const std::string &sku) { // SHAPE: messaging-request-reply
    std::future<double> reply = request(sku);
    produce(sku);
    return reply.get(); // NOLINT(flowshape-sync-over-queue, flowshape-unbounded-reply-wait): pricing answers in 50 ms
  }

  double nextLine(const std::string &sku) { // SHAPE: messaging-request-reply
    std::future<double> reply = request(sku);
    produce(sku);
    // NOLINTNEXTLINE(flowshape-*) -- moving to events, tracked in PRICE-12
    return reply.get();
  }

  double block(const std::string &sku) { // SHAPE: messaging-request-reply
    // NOLINTBEGIN(flowshape-sync-over-queue, flowshape-unbounded-reply-wait): legacy quote API
    std::future<double> reply = request(sku);
    produce(sku);
    double price = reply.get();
    // NOLINTEND(flowshape-unbounded-reply-wait, flowshape-sync-over-queue)
    return price;
  }

  double allowAbove(const std::string &sku) { // SHAPE: messaging-request-reply
    std::future<double> reply = request(sku);
    produce(sku);
    // flowshape: allow sync-over-queue, unbounded-reply-wait -- checkout needs
    // the price before it can answer, and pricing is in the same failure domain
    return reply.get();
  }

  double allowTrailing(const std::string &sku) { // SHAPE: messaging-request-reply
    std::future<double> reply = request(sku);
    produce(sku);
    return reply.get(); /* flowshape: allow flowshape-sync-over-queue unbounded-reply-wait -- nightly batch */
  }

  double bareNolint(const std::string &sku) { // SHAPE: messaging-request-reply
    std::future<double> reply = request(sku);
    produce(sku);
    return reply.get(); // NOLINT
  }

  double sharedWithClangTidy(const std::string &sku) { // SHAPE: messaging-request-reply
    std::future<double> reply = request(sku);
    produce(sku);
    return reply.get(); // NOLINT(bugprone-unused-return-value,flowshape-sync-over-queue,flowshape-unbounded-reply-wait)
  }

  void consume_cb(RdKafka::Message &message, void *) override { // SHAPE: event-driven
    auto it = pending_.find(message.key() ? *message.key() : std::string());
    if (it != pending_.end())
      it->second.set_value(42.0);
  }

private:
  std::future<double> request(const std::string &sku) { return pending_[sku].get_future(); }
  void produce(const std::string &sku) { // SHAPE: event-driven
    producer_->produce("pricing.quote-requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                       const_cast<char *>(sku.data()), sku.size(), nullptr, 0, 0, nullptr, nullptr);
  }

  RdKafka::Producer *producer_ = nullptr;
  std::map<std::string, std::promise<double>> pending_;
};
