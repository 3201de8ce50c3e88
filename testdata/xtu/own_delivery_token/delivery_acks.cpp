// EXPECT-NONE
#include "delivery_acks.h"

namespace orders {

std::future<bool> DeliveryAcks::next() {
  std::lock_guard<std::mutex> lock(mutex_);
  delivered_ = std::promise<bool>();
  return delivered_.get_future();
}

void DeliveryAcks::dr_cb(RdKafka::Message &message) {
  std::lock_guard<std::mutex> lock(mutex_);
  delivered_.set_value(message.err() == RdKafka::ERR_NO_ERROR);
}

} // namespace orders
