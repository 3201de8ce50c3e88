// A sleep that paces a publishing loop is throttling, not waiting for an effect.
// EXPECT-NONE
#include <librdkafka/rdkafkacpp.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

void heartbeat(RdKafka::Producer *producer, std::atomic<bool> &running) { // SHAPE: event-driven
  while (running) {
    std::string beat = "alive";
    producer->produce("heartbeats.emitted", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                      const_cast<char *>(beat.data()), beat.size(), nullptr, 0, 0, nullptr, nullptr);
    std::this_thread::sleep_for(std::chrono::seconds(5)); // OK: publish-then-block
  }
}
