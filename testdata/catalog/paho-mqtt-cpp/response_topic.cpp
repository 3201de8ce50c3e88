// MQTT v5 request/response: the request names a response topic and
// carries correlation data; the caller then blocks on that topic.
#include <mqtt/async_client.h>

#include <string>

std::string quote(mqtt::async_client &client, const std::string &sku) { // SHAPE: messaging-request-reply
  client.start_consuming();
  client.subscribe("pricing/replies/42", 1)->wait();
  mqtt::message_ptr request = mqtt::make_message("pricing/quote-requested", sku);
  mqtt::properties props{
      mqtt::property(mqtt::property::RESPONSE_TOPIC, "pricing/replies/42"), // EVIDENCE: reply-marker
      mqtt::property(mqtt::property::CORRELATION_DATA, "42"),
  };
  request->set_properties(props);
  client.publish(request); // EVIDENCE: publish
  mqtt::const_message_ptr reply = client.consume_message(); // EXPECT: sync-over-queue, unbounded-reply-wait; EVIDENCE: receive-on-reply
  return reply->to_string();
}

// A user property is not a reply path.
void tag(mqtt::async_client &client, const std::string &sku) { // SHAPE: event-driven
  mqtt::message_ptr event = mqtt::make_message("pricing/price-changed", sku);
  mqtt::properties props{mqtt::property(mqtt::property::USER_PROPERTY, "source", "catalog")};
  event->set_properties(props);
  client.publish(event)->wait(); // OK: sync-over-queue
}
