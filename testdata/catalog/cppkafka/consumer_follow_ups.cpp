// Consumers that publish follow-up events: the next message of the loop is
// not a reply to this iteration's publish, and a dispatcher serves messages
// rather than waiting for one answer.
// EXPECT-NONE
#include <cppkafka/cppkafka.h>

#include <chrono>
#include <string>

void invoiceOrders(cppkafka::Consumer &orders, cppkafka::Producer &producer) { // SHAPE: event-driven
  orders.subscribe({"orders.placed"});
  while (true) {
    cppkafka::Message order = orders.poll(std::chrono::milliseconds(500)); // OK: sync-over-queue, unbounded-reply-wait
    if (!order || order.get_error())
      continue;
    producer.produce(cppkafka::MessageBuilder("invoices.issued").payload(order.get_payload()));
  }
}

void shipOrders(cppkafka::Consumer &orders, cppkafka::Producer &producer) { // SHAPE: event-driven
  orders.subscribe({"orders.paid"});
  cppkafka::ConsumerDispatcher dispatcher(orders);
  dispatcher.run([&](cppkafka::Message order) { // SHAPE: event-driven
    producer.produce(cppkafka::MessageBuilder("shipments.requested").payload(order.get_payload()));
  });
}

// A notification that names a reply topic, with nothing waiting for the
// answer: the reply is handled as an event of its own.
void stockLow(cppkafka::Producer &producer, const std::string &sku) { // SHAPE: event-driven
  cppkafka::MessageBuilder event("stock.low");
  event.header(cppkafka::MessageBuilder::HeaderType("reply-topic", "stock.reordered"));
  event.payload(sku);
  producer.produce(event); // OK: sync-over-queue
}
