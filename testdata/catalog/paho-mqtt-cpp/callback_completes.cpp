// A promise completed by the message_arrived callback: the requester waits
// for the answer the consumer delivers.
#include <mqtt/async_client.h>

#include <chrono>
#include <future>
#include <mutex>
#include <string>

class PriceReplies : public virtual mqtt::callback {
public:
  std::future<std::string> expect() {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_ = std::promise<std::string>();
    return pending_.get_future();
  }

  void message_arrived(mqtt::const_message_ptr message) override { // SHAPE: event-driven
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.set_value(message->to_string()); // EVIDENCE: completed-by
  }

  void delivery_complete(mqtt::delivery_token_ptr) override {}

private:
  std::mutex mutex_;
  std::promise<std::string> pending_;
};

std::string quote(mqtt::async_client &client, PriceReplies &replies, const std::string &sku) { // SHAPE: messaging-request-reply
  std::future<std::string> answer = replies.expect();
  client.publish("pricing/quote-requested", sku.data(), sku.size(), 1, false)->wait();
  return answer.get(); // EXPECT: sync-over-queue, unbounded-reply-wait
}

std::string quoteWithin(mqtt::async_client &client, PriceReplies &replies, const std::string &sku) { // SHAPE: messaging-request-reply
  std::future<std::string> answer = replies.expect();
  client.publish("pricing/quote-requested", sku.data(), sku.size(), 1, false);
  if (answer.wait_for(std::chrono::seconds(3)) != std::future_status::ready) // EXPECT: sync-over-queue
    return {};
  return answer.get();
}

// A lambda registered with set_message_callback is a consumer, too.
void listen(mqtt::async_client &client) { // SHAPE: event-driven
  client.set_message_callback([](mqtt::const_message_ptr message) { (void)message; }); // SHAPE: event-driven
  client.subscribe("pricing/price-changed", 1); // OK: sync-over-queue
}
