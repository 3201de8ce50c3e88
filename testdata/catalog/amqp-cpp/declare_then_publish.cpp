// The RPC client as AMQP-CPP's examples write it: the request is published
// from the continuation that runs once the server-named reply queue exists,
// and the reply queue's consumer completes the promise the caller waits on.
#include <amqpcpp.h>

#include <future>
#include <string>

std::string reserve(AMQP::Channel &channel, const std::string &order) { // SHAPE: messaging-request-reply
  std::promise<std::string> reply;
  std::future<std::string> answer = reply.get_future();
  channel.declareQueue(AMQP::exclusive) // EVIDENCE: reply-marker
      .onSuccess([&](const std::string &name, uint32_t, uint32_t) { // SHAPE: event-driven
        channel.consume(name, AMQP::noack).onReceived([&](const AMQP::Message &message, uint64_t, bool) { // SHAPE: event-driven
          if (message.correlationID() == order)
            reply.set_value(std::string(message.body(), message.bodySize())); // EVIDENCE: completed-by
        });
        AMQP::Envelope request(order.data(), order.size());
        request.setCorrelationID(order);
        request.setReplyTo(name);
        channel.publish("", "inventory.reservation-requested", request); // EVIDENCE: publish
      });
  return answer.get(); // EXPECT: sync-over-queue, unbounded-reply-wait
}

// The same without waiting: the reply is handled by the consumer when it
// comes, and the caller returns at once.
void reserveLater(AMQP::Channel &channel, const std::string &order) { // SHAPE: event-driven
  channel.declareQueue(AMQP::exclusive).onSuccess([&channel, order](const std::string &name, uint32_t, uint32_t) { // SHAPE: event-driven
    channel.consume(name, AMQP::noack).onReceived([](const AMQP::Message &, uint64_t, bool) {}); // SHAPE: event-driven
    AMQP::Envelope request(order.data(), order.size());
    request.setReplyTo(name);
    channel.publish("", "inventory.reservation-requested", request); // OK: sync-over-queue
  });
}
