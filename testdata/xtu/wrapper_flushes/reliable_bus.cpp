// EXPECT-NONE
#include "reliable_bus.h"

namespace billing {

bool ReliableBus::publishDurably(const std::string &topic, const std::string &payload) { // SHAPE: event-driven
  producer_->produce(topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                     const_cast<char *>(payload.data()), payload.size(), nullptr, 0, 0, nullptr, nullptr);
  return producer_->flush(10000) == RdKafka::ERR_NO_ERROR; // OK: sync-over-queue, publish-then-block
}

} // namespace billing
