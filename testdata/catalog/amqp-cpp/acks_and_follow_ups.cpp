// Look-alikes without a reply-wait: publisher confirms completing the future
// the caller waits on, notifications that name a reply queue nobody waits
// on, and consumers that publish follow-up events.
// EXPECT-NONE
#include <amqpcpp.h>

#include <future>
#include <string>

bool orderPlaced(AMQP::Reliable<> &channel, const std::string &order) { // SHAPE: event-driven
  std::promise<bool> confirmed;
  std::future<bool> done = confirmed.get_future();
  channel.publish("orders", "orders.placed", order)
      .onAck([&confirmed] { confirmed.set_value(true); })
      .onNack([&confirmed] { confirmed.set_value(false); });
  return done.get(); // OK: sync-over-queue, publish-then-block, unbounded-reply-wait
}

void stockLow(AMQP::Channel &channel, const std::string &sku) { // SHAPE: event-driven
  AMQP::Envelope event(sku.data(), sku.size());
  event.setReplyTo("stock.reordered");
  channel.publish("stock", "stock.low", event); // OK: sync-over-queue
}

void shipPaidOrders(AMQP::Channel &channel) { // SHAPE: event-driven
  channel.consume("orders.paid").onReceived([&channel](const AMQP::Message &message, uint64_t tag, bool) { // SHAPE: event-driven
    channel.publish("shipping", "shipments.requested", std::string(message.body(), message.bodySize()));
    channel.ack(tag);
  });
}
