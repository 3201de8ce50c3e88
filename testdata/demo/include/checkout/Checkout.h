#pragma once

#include "checkout/EventBus.h"
#include "checkout/InventoryClient.h"

#include <string>
#include <vector>

namespace checkout {

struct PlaceOrderInput {
  std::string customerId;
  std::vector<Item> items;
};

struct Order {
  std::string id;
  std::string customerId;
  long totalCents = 0;
};

class OrderRepository {
public:
  Order save(const PlaceOrderInput &input);
};

class Checkout {
public:
  Checkout(InventoryClient &inventory, OrderRepository &orders, EventBus &bus)
      : inventory_(inventory), orders_(orders), bus_(bus) {}
  std::string placeOrder(const PlaceOrderInput &input);

private:
  InventoryClient &inventory_;
  OrderRepository &orders_;
  EventBus &bus_;
};

} // namespace checkout
