// The wrapper publishes and moves on: by itself an event-driven flow.
#include "event_bus.h"

namespace fraud {

void EventBus::publish(const std::string &topic, const std::string &payload) { // SHAPE: event-driven
  producer_->produce(topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, // EVIDENCE: publish
                     const_cast<char *>(payload.data()), payload.size(), nullptr, 0, 0, nullptr, nullptr);
  producer_->poll(0); // serves delivery reports: an acknowledgement, not a reply
}

} // namespace fraud
