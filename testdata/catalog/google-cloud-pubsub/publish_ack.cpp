// EXPECT-NONE
// Publisher::Publish(...).get() waits for the message id: the service's
// acknowledgement of this publish, never a reply.
#include <google/cloud/pubsub/publisher.h>

#include <string>

namespace pubsub = ::google::cloud::pubsub;

std::string orderPlaced(pubsub::Publisher publisher, std::string const &order) { // SHAPE: event-driven
  auto id = publisher.Publish(pubsub::MessageBuilder{}.SetData(order).Build()).get(); // OK: sync-over-queue, publish-then-block, unbounded-reply-wait
  return id ? *id : std::string();
}

void orderShipped(std::string const &order) { // SHAPE: event-driven
  auto publisher = pubsub::Publisher(pubsub::MakePublisherConnection(pubsub::Topic("shop", "orders.shipped")));
  auto done = publisher.Publish(pubsub::MessageBuilder{}.SetData(order).SetAttribute("source", "warehouse").Build());
  done.get(); // OK: sync-over-queue, publish-then-block
}

// Subscribing serves messages until the session ends.
void serve(pubsub::Subscriber subscriber, pubsub::Publisher publisher) { // SHAPE: event-driven
  auto session = subscriber.Subscribe([&](pubsub::Message const &m, pubsub::AckHandler h) { // SHAPE: event-driven
    publisher.Publish(pubsub::MessageBuilder{}.SetData(m.data()).Build());
    std::move(h).ack();
  });
  session.get(); // OK: unbounded-reply-wait, publish-then-block
}
