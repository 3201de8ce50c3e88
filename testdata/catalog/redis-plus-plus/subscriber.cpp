// redis-plus-plus pub/sub: a Subscriber's consume() delivers the next
// message to its callback; consuming right after publishing a request waits
// for the answer, a consume loop serves messages.
#include <sw/redis++/redis++.h>

#include <string>

void listen(sw::redis::Redis &redis) { // SHAPE: event-driven
  auto subscriber = redis.subscriber();
  subscriber.on_message([](std::string channel, std::string message) { (void)channel, (void)message; }); // SHAPE: event-driven
  subscriber.subscribe("pricing.price-changed");
  while (true)
    subscriber.consume(); // OK: sync-over-queue
}

std::string quote(sw::redis::Redis &redis, const std::string &sku) { // SHAPE: messaging-request-reply
  auto subscriber = redis.subscriber();
  std::string answer;
  subscriber.on_message([&answer](std::string, std::string message) { answer = message; }); // SHAPE: event-driven
  subscriber.subscribe("pricing.quotes");
  redis.publish("pricing.quote-requested", sku); // EVIDENCE: publish
  subscriber.consume(); // EXPECT: sync-over-queue, unbounded-reply-wait
  return answer;
}
