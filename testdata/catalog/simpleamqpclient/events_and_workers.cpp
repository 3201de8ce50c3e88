// Look-alikes: a publish that waits only for its own publisher confirm, a
// durable (not exclusive) queue, a notification naming a reply queue that
// nobody waits on, and a worker that publishes follow-ups.
// EXPECT-NONE
#include <SimpleAmqpClient/SimpleAmqpClient.h>

#include <string>

void orderPlaced(AmqpClient::Channel::ptr_t channel, const std::string &order) { // SHAPE: event-driven
  channel->DeclareQueue("orders.placed", false, true, false, false);
  channel->BasicPublish("", "orders.placed", AmqpClient::BasicMessage::Create(order)); // OK: sync-over-queue, publish-then-block
}

void stockLow(AmqpClient::Channel::ptr_t channel, const std::string &sku) { // SHAPE: event-driven
  AmqpClient::BasicMessage::ptr_t event = AmqpClient::BasicMessage::Create(sku);
  event->ReplyTo("stock.reordered");
  channel->BasicPublish("stock", "stock.low", event); // OK: sync-over-queue
}

void shipPaidOrders(AmqpClient::Channel::ptr_t channel) { // SHAPE: event-driven
  std::string consumer = channel->BasicConsume("orders.paid", "", true, false);
  for (;;) {
    AmqpClient::Envelope::ptr_t order = channel->BasicConsumeMessage(consumer); // OK: sync-over-queue, unbounded-reply-wait
    channel->BasicPublish("shipping", "shipments.requested", AmqpClient::BasicMessage::Create(order->Message()->Body()));
    channel->BasicAck(order);
  }
}
