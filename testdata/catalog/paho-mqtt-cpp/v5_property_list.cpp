// MQTT v5 request/response with the properties given as a brace list (as
// Paho's own rpc_math_cli sample does): the response topic is still a reply
// marker, and the consume on that topic waits for the reply.
#include <mqtt/async_client.h>

#include <chrono>
#include <string>

std::string add(mqtt::async_client &cli, const std::string &args) { // SHAPE: messaging-request-reply
  const std::string replyTopic = "replies/math/7";
  cli.subscribe(replyTopic, 1)->wait();
  mqtt::properties props{
      {mqtt::property::RESPONSE_TOPIC, replyTopic}, // EVIDENCE: reply-marker
      {mqtt::property::CORRELATION_DATA, "1"},
  };
  auto request = mqtt::message_ptr_builder().topic("requests/math/add").payload(args).qos(1).properties(props).finalize();
  cli.publish(request)->wait_for(std::chrono::seconds(10)); // EVIDENCE: publish
  auto reply = cli.try_consume_message_for(std::chrono::seconds(5)); // EXPECT: sync-over-queue; EVIDENCE: receive-on-reply
  return reply ? reply->to_string() : std::string();
}

// The same properties on a notification that nobody answers: no wait, no finding.
void announce(mqtt::async_client &cli, const std::string &event) { // SHAPE: event-driven
  mqtt::properties props{{mqtt::property::CONTENT_TYPE, "application/json"}};
  auto message = mqtt::message_ptr_builder().topic("events/math/used").payload(event).properties(props).finalize();
  cli.publish(message); // OK: sync-over-queue
}
