// First file of the chain: starts fulfilment (which publishes, two files
// away) and then polls the tracking service until the parcel has left.
#include "fulfillment.h"

#include <httplib.h>

#include <chrono>
#include <thread>

namespace shipping {

class ShipmentHandler {
public:
  ShipmentHandler(Fulfillment &fulfillment, httplib::Client &tracking) : fulfillment_(fulfillment), tracking_(tracking) {}
  bool onPaid(const std::string &orderId);

private:
  Fulfillment &fulfillment_;
  httplib::Client &tracking_;
};

bool ShipmentHandler::onPaid(const std::string &orderId) { // SHAPE: publish-then-block
  fulfillment_.start(orderId);
  for (int attempt = 0; attempt < 60; ++attempt) {
    auto status = tracking_.Get("/parcels/" + orderId);
    if (status && status->body == "in-transit")
      return true;
    std::this_thread::sleep_for(std::chrono::seconds(1)); // EXPECT: publish-then-block; EVIDENCE: wait
  }
  return false;
}

} // namespace shipping
