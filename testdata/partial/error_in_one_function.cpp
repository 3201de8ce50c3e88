// One function with a mistake (a call to a function that is not declared
// anywhere) among healthy ones: only that function is marked, everything
// else is analysed as in a clean file.
// PARTIAL
#include <librdkafka/rdkafkacpp.h>

#include <chrono>
#include <future>
#include <string>
#include <thread>

void announce(RdKafka::Producer *producer) { // SHAPE: event-driven
  std::string hello = "billing";
  producer->produce("service.started", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char *>(hello.data()), hello.size(), nullptr, 0, 0, nullptr, nullptr);
}

// The error sits between the publish and the wait: the CFG around it is
// intact, so the blocking wait is still seen.
void chargeAndWait(RdKafka::Producer *producer, std::future<std::string> &receipt, const std::string &card) { // SHAPE: publish-then-block; PARTIAL-BODY
  producer->produce("payments.charge-requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char *>(card.data()), card.size(), nullptr, 0, 0, nullptr, nullptr);
  audit_log("charge requested", card);
  receipt.wait(); // EXPECT: publish-then-block
}

void heartbeat(RdKafka::Producer *producer) { // SHAPE: event-driven
  std::string beat = "alive";
  producer->produce("heartbeats.emitted", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char *>(beat.data()), beat.size(), nullptr, 0, 0, nullptr, nullptr);
}
