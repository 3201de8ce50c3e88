// AMQP 1.0 request/response with Qpid Proton: the request names a reply
// address and a correlation id; a caller that then blocks on a future that
// on_message completes waits for the responder.
#include <proton/container.hpp>
#include <proton/delivery.hpp>
#include <proton/message.hpp>
#include <proton/message_id.hpp>
#include <proton/messaging_handler.hpp>
#include <proton/receiver_options.hpp>
#include <proton/sender.hpp>
#include <proton/source_options.hpp>

#include <future>
#include <string>

class QuoteClient : public proton::messaging_handler {
public:
  void on_container_start(proton::container &c) override { // SHAPE: event-driven
    sender_ = c.open_sender("amqp://broker/pricing.requests");
    c.open_receiver("amqp://broker", proton::receiver_options().source(proton::source_options().dynamic(true)));
  }

  // Called from another thread while the container runs.
  std::string quote(const std::string &sku) { // SHAPE: messaging-request-reply
    proton::message request(sku);
    request.reply_to("pricing.replies.checkout"); // EVIDENCE: reply-marker
    request.correlation_id(proton::message_id(sku));
    auto reply = reply_.get_future();
    sender_.send(request); // EVIDENCE: publish
    return reply.get(); // EXPECT: sync-over-queue, unbounded-reply-wait
  }

  void on_message(proton::delivery &, proton::message &m) override { // SHAPE: event-driven
    reply_.set_value(proton::get<std::string>(m.body())); // EVIDENCE: completed-by
  }

private:
  proton::sender sender_;
  std::promise<std::string> reply_;
};

// A responder answers to the reply address: events, no wait.
class QuoteServer : public proton::messaging_handler {
public:
  void on_message(proton::delivery &d, proton::message &m) override { // SHAPE: event-driven
    proton::message reply("42.00");
    reply.to(m.reply_to());
    reply.correlation_id(m.correlation_id());
    replies_.send(reply); // OK: sync-over-queue
  }

private:
  proton::sender replies_;
};

// A one-way event.
void orderPlaced(proton::sender &orders, const std::string &order) { // SHAPE: event-driven
  proton::message event(order);
  orders.send(event); // OK: sync-over-queue
}
