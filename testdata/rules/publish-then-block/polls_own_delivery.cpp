// Sleeping in a loop until the broker confirms the publish (a delivery
// listener, the producer's out-queue) waits for an acknowledgement, not a
// downstream effect. Polling something else after the publish does.
#include <librdkafka/rdkafkacpp.h>
#include <mqtt/async_client.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

class DeliveryListener : public virtual mqtt::iaction_listener {
public:
  bool done() const { return done_; }
  void on_success(const mqtt::token &) override { done_ = true; }
  void on_failure(const mqtt::token &) override { done_ = true; }

private:
  std::atomic<bool> done_{false};
};

void publishConfirmed(mqtt::async_client &client, const std::string &event) { // SHAPE: event-driven
  DeliveryListener listener;
  client.publish(mqtt::make_message("audit/recorded", event), nullptr, listener);
  while (!listener.done())
    std::this_thread::sleep_for(std::chrono::milliseconds(50)); // OK: publish-then-block
}

void drain(RdKafka::Producer *producer, const std::string &event) { // SHAPE: event-driven
  producer->produce("audit.recorded", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char *>(event.data()), event.size(), nullptr, 0, 0, nullptr, nullptr);
  while (producer->outq_len() > 0)
    std::this_thread::sleep_for(std::chrono::milliseconds(50)); // OK: publish-then-block
}

struct Warehouse {
  bool picked(const std::string &order) const;
};

void pickAndWait(RdKafka::Producer *producer, const Warehouse &warehouse, const std::string &order) { // SHAPE: publish-then-block
  producer->produce("picking.requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char *>(order.data()), order.size(), nullptr, 0, 0, nullptr, nullptr);
  while (!warehouse.picked(order))
    std::this_thread::sleep_for(std::chrono::milliseconds(50)); // EXPECT: publish-then-block
}
