// Publish a command, then poll the downstream service's status until the
// effect shows up: the caller still depends on the consumer, synchronously.
#include <httplib.h>
#include <librdkafka/rdkafkacpp.h>

#include <chrono>
#include <string>
#include <thread>

bool shipAndWait(RdKafka::Producer *producer, httplib::Client &status, const std::string &order) { // SHAPE: publish-then-block
  producer->produce("shipments.requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, // EVIDENCE: publish
                    const_cast<char *>(order.data()), order.size(), nullptr, 0, 0, nullptr, nullptr);
  for (;;) {
    auto response = status.Get("/shipments/" + order);
    if (response && response->body == "shipped")
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(250)); // EXPECT: publish-then-block; EVIDENCE: wait
  }
}
