#include "checkout/EventBus.h"

namespace checkout {

void EventBus::publish(const std::string &topic, const std::string &payload) { // SHAPE: event-driven
  producer_->produce(topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                     const_cast<char *>(payload.data()), payload.size(), nullptr, 0, 0, nullptr, nullptr);
  producer_->poll(0); // serve delivery reports: an acknowledgement, not a reply
}

} // namespace checkout
