// EXPECT-NONE
// Look-alikes: an event sent without a reply path, a listener that sends
// on, and a consumer loop that only receives.
#include <cms/Session.h>

#include <memory>
#include <string>

void orderPlaced(cms::Session &session, const std::string &order) { // SHAPE: event-driven
  std::unique_ptr<cms::Topic> topic(session.createTopic("orders.placed"));
  std::unique_ptr<cms::MessageProducer> producer(session.createProducer(topic.get()));
  std::unique_ptr<cms::TextMessage> event(session.createTextMessage(order));
  event->setStringProperty("source", "checkout");
  producer->send(event.get()); // OK: sync-over-queue
}

class Billing : public cms::MessageListener {
public:
  explicit Billing(cms::Session &session) : session_(session) {}
  void onMessage(const cms::Message *message) override { // SHAPE: event-driven
    std::unique_ptr<cms::Queue> invoices(session_.createQueue("billing.invoices"));
    std::unique_ptr<cms::MessageProducer> producer(session_.createProducer());
    std::unique_ptr<cms::TextMessage> invoice(session_.createTextMessage("invoice"));
    invoice->setCMSCorrelationID(message->getCMSCorrelationID());
    producer->send(invoices.get(), invoice.get()); // OK: sync-over-queue
  }

private:
  cms::Session &session_;
};

void drain(cms::MessageConsumer &consumer, const bool &running) { // SHAPE: event-driven
  while (running) {
    std::unique_ptr<cms::Message> message(consumer.receive(1000)); // OK: unbounded-reply-wait
    if (message)
      message->acknowledge();
  }
}
