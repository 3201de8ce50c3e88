// Second file of the chain: names the topic and hands over to the outbox.
#include "fulfillment.h"

namespace shipping {

void Fulfillment::start(const std::string &orderId) { // SHAPE: event-driven
  outbox_emit(rk_, "shipment.requested", orderId.c_str());
}

} // namespace shipping
