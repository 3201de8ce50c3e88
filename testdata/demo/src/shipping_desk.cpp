// Dispatch over the bus, then poll the tracking service until the parcel
// leaves: the flow still waits for a downstream effect, synchronously.
#include "checkout/ShippingDesk.h"

#include <chrono>
#include <thread>

namespace checkout {

bool ShippingDesk::dispatchAndWait(const std::string &orderId) { // SHAPE: publish-then-block
  bus_.publish("shipment.dispatch", orderId); // EXPECT: command-named-event
  for (int attempt = 0; attempt < 120; ++attempt) {
    auto status = tracking_.Get("/parcels/" + orderId);
    if (status && status->body == "in-transit")
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(500)); // EXPECT: publish-then-block
  }
  return false;
}

} // namespace checkout
