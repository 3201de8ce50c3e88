// Publishing through an mqtt::topic: the topic object names the
// destination; waiting on its delivery token is the publish's own
// acknowledgement.
#include <mqtt/async_client.h>
#include <mqtt/topic.h>

#include <string>

void priceChanged(mqtt::async_client &client, const std::string &sku) { // SHAPE: event-driven
  mqtt::topic top(client, "pricing/price-changed", 1);
  top.publish(sku)->wait(); // OK: sync-over-queue, publish-then-block
}

// A request through a topic object, then a blocking read on the reply topic.
std::string quote(mqtt::async_client &client, const std::string &sku) { // SHAPE: messaging-request-reply
  mqtt::topic requests(client, "pricing/quote-requested", 1);
  mqtt::topic replies(client, "pricing/replies/9", 1);
  client.start_consuming();
  replies.subscribe()->wait();
  requests.publish(sku); // EVIDENCE: publish
  auto reply = client.consume_message(); // EXPECT: sync-over-queue, unbounded-reply-wait; EVIDENCE: receive-after-publish
  return reply ? reply->to_string() : std::string();
}
