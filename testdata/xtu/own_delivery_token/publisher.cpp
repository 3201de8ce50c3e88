// EXPECT-NONE
#include "publisher.h"

#include <chrono>

namespace orders {

std::future<bool> Publisher::publishAsync(const std::string &topic, const std::string &payload) { // SHAPE: event-driven
  std::future<bool> delivered = acks_.next();
  producer_->produce(topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                     const_cast<char *>(payload.data()), payload.size(), nullptr, 0, 0, nullptr, nullptr);
  producer_->poll(0);
  return delivered;
}

bool Publisher::publishConfirmed(const std::string &topic, const std::string &payload) { // SHAPE: event-driven
  std::future<bool> delivered = publishAsync(topic, payload);
  return delivered.wait_for(std::chrono::seconds(5)) == std::future_status::ready && delivered.get(); // OK: sync-over-queue, publish-then-block
}

} // namespace orders
