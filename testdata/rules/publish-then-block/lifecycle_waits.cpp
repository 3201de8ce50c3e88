// A service that announces itself and then sleeps until it is told to stop
// waits for its own end, not for what it published; the same loop on a flag
// a consumer raises for an order is a reply-wait.
#include <librdkafka/rdkafkacpp.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <string>
#include <thread>

static std::atomic<bool> g_stop{false};
static void onSignal(int) { g_stop = true; }

class Service : public RdKafka::ConsumeCb {
public:
  void consume_cb(RdKafka::Message &message, void *) override { // SHAPE: event-driven
    std::string body(static_cast<const char *>(message.payload()), message.len());
    if (body == "shutdown")
      running_ = false;
    else if (body == "stop-price")
      stopPriceReached_ = true;
    else
      shipped_ = true;
  }

  void run(RdKafka::Producer *producer) { // SHAPE: event-driven
    std::string hello = "billing";
    producer->produce("service.started", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                      const_cast<char *>(hello.data()), hello.size(), nullptr, 0, 0, nullptr, nullptr);
    while (running_)
      std::this_thread::sleep_for(std::chrono::seconds(1)); // OK: sync-over-queue, publish-then-block
  }

  void runUntilSignal(RdKafka::Producer *producer) { // SHAPE: event-driven
    std::signal(SIGTERM, onSignal);
    std::string hello = "billing";
    producer->produce("service.started", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                      const_cast<char *>(hello.data()), hello.size(), nullptr, 0, 0, nullptr, nullptr);
    while (!g_stop)
      std::this_thread::sleep_for(std::chrono::seconds(1)); // OK: sync-over-queue, publish-then-block
  }

  void ship(RdKafka::Producer *producer, const std::string &order) { // SHAPE: messaging-request-reply
    producer->produce("shipment.requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                      const_cast<char *>(order.data()), order.size(), nullptr, 0, 0, nullptr, nullptr);
    while (!shipped_)
      std::this_thread::sleep_for(std::chrono::milliseconds(50)); // EXPECT: sync-over-queue, unbounded-reply-wait
  }

  // A lifecycle word inside a business flag's name is not a lifecycle flag.
  void armStop(RdKafka::Producer *producer, const std::string &order) { // SHAPE: messaging-request-reply
    producer->produce("orders.stop-loss-armed", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                      const_cast<char *>(order.data()), order.size(), nullptr, 0, 0, nullptr, nullptr);
    while (!stopPriceReached_)
      std::this_thread::sleep_for(std::chrono::milliseconds(1)); // EXPECT: sync-over-queue, unbounded-reply-wait
  }

  // Running, but also waiting for the shipment: a reply-wait all the same.
  void shipWhileRunning(RdKafka::Producer *producer, const std::string &order) { // SHAPE: messaging-request-reply
    producer->produce("shipment.requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                      const_cast<char *>(order.data()), order.size(), nullptr, 0, 0, nullptr, nullptr);
    while (running_ && !shipped_)
      std::this_thread::sleep_for(std::chrono::milliseconds(50)); // EXPECT: sync-over-queue, unbounded-reply-wait
  }

private:
  std::atomic<bool> running_{true};
  std::atomic<bool> shipped_{false};
  std::atomic<bool> stopPriceReached_{false};
};
