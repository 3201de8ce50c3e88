// Suppressions that suppress nothing are reported where they are written
// (a note by default), and leave the findings they miss in place.
#include <librdkafka/rdkafkacpp.h>

#include <future>
#include <map>
#include <string>

class PricingClient : public RdKafka::ConsumeCb {
public:
  double wrongLine(const std::string &sku) { // SHAPE: messaging-request-reply
    std::future<double> reply = request(sku);
    produce(sku);
    // NOLINT(flowshape-sync-over-queue): meant for the line below
    // EXPECT@-1: unused-suppression
    return reply.get(); // EXPECT: sync-over-queue, unbounded-reply-wait
  }

  double wrongRule(const std::string &sku) { // SHAPE: messaging-request-reply
    std::future<double> reply = request(sku);
    produce(sku);
    return reply.get(); // NOLINT(flowshape-publish-then-block): not the rule that fires
    // EXPECT@-1: sync-over-queue, unbounded-reply-wait, unused-suppression
  }

  double misspelt(const std::string &sku) { // SHAPE: messaging-request-reply
    std::future<double> reply = request(sku);
    produce(sku);
    // NOLINTNEXTLINE(flowshape-sync-over-queues)
    return reply.get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    // EXPECT@-2: unused-suppression
  }

  double partlyUsed(const std::string &sku) { // SHAPE: messaging-request-reply
    std::future<double> reply = request(sku);
    produce(sku);
    return reply.get(); // NOLINT(flowshape-sync-over-queue, flowshape-publish-then-block): the quote is cached
    // EXPECT@-1: unbounded-reply-wait, unused-suppression
  }

  double unclosedBlock(const std::string &sku) { // SHAPE: messaging-request-reply
    // NOLINTBEGIN(flowshape-sync-over-queue)
    // EXPECT@-1: unused-suppression
    std::future<double> reply = request(sku);
    produce(sku);
    return reply.get(); // EXPECT: sync-over-queue, unbounded-reply-wait
  }

  void fixedLongAgo(const std::string &sku) { // SHAPE: event-driven
    produce(sku); // NOLINT(flowshape-sync-over-queue) -- the reply wait was removed, this was not
    // EXPECT@-1: unused-suppression
    // flowshape: allow publish-then-block -- stale as well
    // EXPECT@-1: unused-suppression
    produce(sku);
    /* flowshape: allow */ produce(sku);
    // EXPECT@-1: unused-suppression
  }

  // Not flowshape's to report: a bare NOLINT, another tool's list, a glob,
  // a directive inside a string, and prose that mentions flowshape: here.
  void otherTools(const std::string &sku) { // SHAPE: event-driven
    produce(sku); // NOLINT; OK: unused-suppression
    produce(sku); // NOLINT(bugprone-unused-return-value); OK: unused-suppression
    produce(sku); // NOLINT(*); OK: unused-suppression
    const char *text = "// NOLINT(flowshape-sync-over-queue)"; // OK: unused-suppression
    produce(text); // flowshape: this line is fine; OK: unused-suppression
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
