// The reply is delivered to an asynchronous subscription whose handler
// completes a promise; the caller waits on the promise's future.
#include <nats/nats.h>

#include <chrono>
#include <future>
#include <string>

class PriceClient {
public:
  explicit PriceClient(natsConnection *nc) : nc_(nc) {}

  std::string quote(const std::string &sku) { // SHAPE: messaging-request-reply
    std::future<std::string> answer = reply_.get_future();
    natsConnection_Subscribe(&sub_, nc_, "pricing.quotes", &PriceClient::onQuote, this);
    natsConnection_PublishRequestString(nc_, "pricing.quote", "pricing.quotes", sku.c_str()); // EVIDENCE: publish, reply-marker
    return answer.get(); // EXPECT: sync-over-queue, unbounded-reply-wait; EVIDENCE: wait
  }

  std::string quoteWithin(const std::string &sku) { // SHAPE: messaging-request-reply
    std::future<std::string> answer = reply_.get_future();
    natsConnection_Subscribe(&sub_, nc_, "pricing.quotes", &PriceClient::onQuote, this);
    natsConnection_PublishRequestString(nc_, "pricing.quote", "pricing.quotes", sku.c_str());
    if (answer.wait_for(std::chrono::seconds(2)) != std::future_status::ready) // EXPECT: sync-over-queue; OK: unbounded-reply-wait
      return {};
    return answer.get();
  }

private:
  static void onQuote(natsConnection *, natsSubscription *, natsMsg *msg, void *closure) { // SHAPE: event-driven
    auto *self = static_cast<PriceClient *>(closure);
    self->reply_.set_value(natsMsg_GetData(msg)); // EVIDENCE: completed-by
    natsMsg_Destroy(msg);
  }

  natsConnection *nc_;
  natsSubscription *sub_ = nullptr;
  std::promise<std::string> reply_;
};
