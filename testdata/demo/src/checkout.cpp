// The seed article's placeOrder: inventory is validated synchronously
// because the order cannot proceed without it; the consequences go out as
// an event. The split the article recommends: a mixed flow.
// EXPECT-NONE
#include "checkout/Checkout.h"

#include <stdexcept>

namespace checkout {

Order OrderRepository::save(const PlaceOrderInput &input) {
  static int next = 1;
  long total = 0;
  for (const Item &item : input.items)
    total += 1000L * item.quantity;
  return Order{"order-" + std::to_string(next++), input.customerId, total};
}

std::string Checkout::placeOrder(const PlaceOrderInput &input) { // SHAPE: mixed
  if (!inventory_.check(input.items))
    throw std::runtime_error("inventory unavailable");
  Order order = orders_.save(input);
  bus_.publish("order.placed", "{\"orderId\":\"" + order.id + "\",\"customerId\":\"" + order.customerId +
                                   "\",\"totalAmount\":" + std::to_string(order.totalCents) + "}");
  return order.id;
}

} // namespace checkout
