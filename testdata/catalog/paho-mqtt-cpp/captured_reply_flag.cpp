// A message callback lambda that sets a flag it captured from the flow: the
// flow's sleep loop on that flag waits for the reply.
#include <mqtt/async_client.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

std::string getConfig(mqtt::async_client &client) { // SHAPE: messaging-request-reply
  std::atomic<bool> got{false};
  std::string config;
  client.set_message_callback([&](mqtt::const_message_ptr msg) { // SHAPE: event-driven
    config = msg->to_string();
    got = true;
  });
  client.subscribe("config/service-a/replies", 1);
  client.publish("config/service-a/requested", "{}", 2, 1, false);
  while (!got)
    std::this_thread::sleep_for(std::chrono::milliseconds(10)); // EXPECT: sync-over-queue, unbounded-reply-wait
  return config;
}

// The flag is the flow's own and nothing else sets it: a block, not a reply.
void announce(mqtt::async_client &client) { // SHAPE: publish-then-block
  bool settled = false;
  client.publish("config/service-a/changed", "{}", 2, 1, false);
  int polls = 0;
  while (!settled) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10)); // EXPECT: publish-then-block
    settled = ++polls > 10;
  }
}
