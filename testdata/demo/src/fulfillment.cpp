// A consumer that reacts to each placed order and publishes what it did.
// EXPECT-NONE
#include "checkout/Fulfillment.h"

#include <string>

namespace checkout {

void FulfillmentWorker::run() { // SHAPE: event-driven
  while (running_) {
    RdKafka::Message *message = consumer_->consume(500);
    if (message->err() == RdKafka::ERR_NO_ERROR)
      handle(*message);
    delete message;
  }
}

void FulfillmentWorker::handle(const RdKafka::Message &order) { // SHAPE: event-driven
  std::string id(static_cast<const char *>(order.payload()), order.len());
  bus_.publish("shipment.scheduled", "{\"orderId\":\"" + id + "\"}");
}

} // namespace checkout
