// RPC over AMQP-CPP: the reply queue's consumer callback completes a
// promise, and the caller waits on its future after publishing the request
// with reply_to and correlation_id set.
#include <amqpcpp.h>

#include <chrono>
#include <future>
#include <string>

class QuoteClient {
public:
  explicit QuoteClient(AMQP::Channel &channel) : channel_(channel) {}

  std::string quote(const std::string &sku) { // SHAPE: messaging-request-reply
    std::promise<std::string> reply;
    std::future<std::string> answer = reply.get_future();
    channel_.declareQueue("pricing.quotes.client-1", AMQP::exclusive | AMQP::autodelete); // EVIDENCE: reply-marker
    channel_.consume("pricing.quotes.client-1", AMQP::noack)
        .onReceived([&reply](const AMQP::Message &message, uint64_t, bool) { // SHAPE: event-driven
          reply.set_value(std::string(message.body(), message.bodySize())); // EVIDENCE: completed-by
        });
    AMQP::Envelope request(sku.data(), sku.size());
    request.setReplyTo("pricing.quotes.client-1");
    request.setCorrelationID("quote-1");
    channel_.publish("", "pricing.quote-requested", request); // EVIDENCE: publish
    return answer.get(); // EXPECT: sync-over-queue, unbounded-reply-wait
  }

  std::string quoteWithin(const std::string &sku) { // SHAPE: messaging-request-reply
    std::future<std::string> answer = pending_.get_future();
    channel_.consume("pricing.quotes.client-1", AMQP::noack).onMessage(
        [this](const AMQP::Message &message, uint64_t, bool) { // SHAPE: event-driven
          pending_.set_value(std::string(message.body(), message.bodySize()));
        });
    AMQP::Envelope request(sku.data(), sku.size());
    request.setReplyTo("pricing.quotes.client-1");
    channel_.publish("", "pricing.quote-requested", request);
    if (answer.wait_for(std::chrono::seconds(3)) != std::future_status::ready) // EXPECT: sync-over-queue; OK: unbounded-reply-wait
      return {};
    return answer.get();
  }

private:
  AMQP::Channel &channel_;
  std::promise<std::string> pending_;
};
