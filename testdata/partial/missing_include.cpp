// A generated header that is missing from the checkout (not generated yet,
// or an optional dependency): Clang reports it and recovers. The functions
// that do not need its declarations are analysed as usual; the one that
// does is analysed as far as it parsed, and marked.
// PARTIAL
#include "generated/order_schema.h"

#include <librdkafka/rdkafkacpp.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

class Checkout {
public:
  void placeOrder(RdKafka::Producer *producer, const std::string &order) { // SHAPE: publish-then-block
    producer->produce("orders.placed", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                      const_cast<char *>(order.data()), order.size(), nullptr, 0, 0, nullptr, nullptr);
    while (!confirmed_)
      std::this_thread::sleep_for(std::chrono::milliseconds(20)); // EXPECT: publish-then-block
  }

  void announce(RdKafka::Producer *producer) { // SHAPE: event-driven
    std::string hello = "checkout";
    producer->produce("service.started", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                      const_cast<char *>(hello.data()), hello.size(), nullptr, 0, 0, nullptr, nullptr);
  }

  // Uses the missing schema: what parsed (the publish) is still analysed.
  void publishValidated(RdKafka::Producer *producer, const schema::Order &order) { // SHAPE: event-driven; PARTIAL-BODY
    std::string body = schema::encode(order);
    producer->produce("orders.validated", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                      const_cast<char *>(body.data()), body.size(), nullptr, 0, 0, nullptr, nullptr);
  }

  void onConfirmed() { confirmed_ = true; }

private:
  std::atomic<bool> confirmed_{false};
};
