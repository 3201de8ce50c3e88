// Producer::send waits for the broker's acknowledgement of this message:
// an acknowledgement, not a reply. A receive after a request that names a
// reply topic is a reply-wait; receive(msg) has no timeout.
#include <pulsar/Client.h>

#include <string>

using namespace pulsar;

bool orderPlaced(Client &client, const std::string &order) { // SHAPE: event-driven
  Producer producer;
  client.createProducer("persistent://shop/orders/placed", producer);
  Message msg = MessageBuilder().setContent(order).setProperty("source", "checkout").build();
  return producer.send(msg) == ResultOk; // OK: sync-over-queue, publish-then-block
}

void orderPlacedAsync(Producer &producer, const std::string &order) { // SHAPE: event-driven
  producer.sendAsync(MessageBuilder().setContent(order).build(), [](Result, const MessageId &) {}); // OK: sync-over-queue
  producer.flush(); // OK: publish-then-block
}

std::string quote(Client &client, Producer &requests, const std::string &sku) { // SHAPE: messaging-request-reply
  Consumer replies;
  client.subscribe("persistent://shop/pricing/replies-7", "checkout", replies);
  Message request = MessageBuilder()
                        .setContent(sku)
                        .setProperty("reply_to", "persistent://shop/pricing/replies-7") // EVIDENCE: reply-marker
                        .build();
  requests.send(request); // EVIDENCE: publish
  Message reply;
  replies.receive(reply); // EXPECT: sync-over-queue, unbounded-reply-wait; EVIDENCE: receive-on-reply
  return reply.getDataAsString();
}

std::string quoteWithTimeout(Client &client, Producer &requests, const std::string &sku) { // SHAPE: messaging-request-reply
  Consumer replies;
  client.subscribe("persistent://shop/pricing/replies-8", "checkout", replies);
  requests.send(MessageBuilder().setContent(sku).setProperty("reply_to", "persistent://shop/pricing/replies-8").build());
  Message reply;
  if (replies.receive(reply, 3000) != ResultOk) // EXPECT: sync-over-queue; OK: unbounded-reply-wait
    return {};
  return reply.getDataAsString();
}

// A consumer loop that acknowledges what it handled.
void work(Client &client, const bool &running) { // SHAPE: event-driven
  Consumer consumer;
  client.subscribe("persistent://shop/orders/placed", "billing", consumer);
  while (running) {
    Message msg;
    if (consumer.receive(msg, 1000) == ResultOk) // OK: unbounded-reply-wait
      consumer.acknowledge(msg);
  }
}
