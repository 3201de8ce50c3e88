// Several lambdas in one member function defined inside its class are
// separate callbacks: the second one here completes the reply promise.
#include <amqpcpp.h>

#include <future>
#include <string>

class QuoteDesk {
public:
  explicit QuoteDesk(AMQP::Channel &channel) : channel_(channel) {}

  void wire() { // SHAPE: event-driven
    channel_.consume("audit.events").onReceived([this](const AMQP::Message &, uint64_t, bool) { ++audited_; }); // SHAPE: event-driven
    channel_.consume("quotes.replies").onReceived([this](const AMQP::Message &m, uint64_t, bool) { // SHAPE: event-driven
      answer_.set_value(std::string(m.body(), m.bodySize())); // EVIDENCE: completed-by
    });
  }

  void announce() { // SHAPE: event-driven
    auto first = [this] { channel_.publish("", "quotes.desk-opened", "1"); }; // SHAPE: event-driven
    auto second = [this] { channel_.publish("", "quotes.desk-staffed", "1"); }; // SHAPE: event-driven
    first();
    second();
  }

  std::string quote(const std::string &sku) { // SHAPE: messaging-request-reply
    std::future<std::string> reply = answer_.get_future();
    channel_.publish("", "quotes.quote-requested", sku);
    return reply.get(); // EXPECT: sync-over-queue, unbounded-reply-wait
  }

private:
  AMQP::Channel &channel_;
  std::promise<std::string> answer_;
  int audited_ = 0;
};
