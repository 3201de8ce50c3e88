#pragma once

#include "checkout/EventBus.h"

#include <httplib.h>

#include <string>

namespace checkout {

class ShippingDesk {
public:
  ShippingDesk(EventBus &bus, const std::string &trackingUrl) : bus_(bus), tracking_(trackingUrl) {}
  bool dispatchAndWait(const std::string &orderId);

private:
  EventBus &bus_;
  httplib::Client tracking_;
};

} // namespace checkout
