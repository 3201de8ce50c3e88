// Waiting on a publish's delivery token waits for the broker's
// acknowledgement; consuming after publishing waits for an answer.
#include <mqtt/async_client.h>
#include <mqtt/client.h>

#include <chrono>
#include <string>

void announce(mqtt::async_client &client, const std::string &order) { // SHAPE: event-driven
  client.publish("orders/placed", order.data(), order.size(), 1, false)->wait(); // OK: publish-then-block
}

void announceWithDeadline(mqtt::async_client &client, const std::string &order) { // SHAPE: event-driven
  mqtt::delivery_token_ptr token = client.publish(mqtt::make_message("orders/placed", order));
  if (!token->wait_for(std::chrono::seconds(5))) // OK: publish-then-block
    return;
}

// Subscribe and connect tokens are acknowledgements too.
void announceThenListen(mqtt::async_client &client, const std::string &order) { // SHAPE: event-driven
  client.publish("orders/placed", order.data(), order.size(), 1, false);
  client.subscribe("orders/updates", 1)->wait(); // OK: publish-then-block
}

std::string askPrice(mqtt::async_client &client, const std::string &sku) { // SHAPE: messaging-request-reply
  client.start_consuming();
  client.subscribe("pricing/replies", 1)->wait();
  client.publish("pricing/quote-requested", sku.data(), sku.size(), 1, false)->wait(); // EVIDENCE: publish
  mqtt::const_message_ptr reply = client.consume_message(); // EXPECT: sync-over-queue, unbounded-reply-wait; EVIDENCE: receive-after-publish
  return reply ? reply->to_string() : std::string();
}

std::string askPriceWithDeadline(mqtt::async_client &client, const std::string &sku) { // SHAPE: messaging-request-reply
  client.subscribe("pricing/replies", 1)->wait();
  client.publish(mqtt::make_message("pricing/quote-requested", sku));
  mqtt::const_message_ptr reply;
  if (!client.try_consume_message_for(&reply, std::chrono::seconds(2))) // EXPECT: sync-over-queue
    return {};
  return reply->to_string();
}

// The synchronous client waits for its own acknowledgement inside publish.
std::string askSync(mqtt::client &client, const std::string &sku) { // SHAPE: messaging-request-reply
  client.subscribe("pricing/replies");
  client.publish(mqtt::make_message("pricing/quote-requested", sku));
  mqtt::const_message_ptr reply = client.consume_message(); // EXPECT: sync-over-queue, unbounded-reply-wait
  return reply ? reply->to_string() : std::string();
}

void announceSync(mqtt::client &client, const std::string &order) { // SHAPE: event-driven
  client.publish(mqtt::make_message("orders/placed", order)); // OK: sync-over-queue
}
