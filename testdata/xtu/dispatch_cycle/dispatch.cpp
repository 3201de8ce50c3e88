// The dispatcher of handlers.cpp. Its flow reaches both handlers (the one
// it reaches twice is placed once), each on its own branch: a publish on
// one and a receive on the other are no request and reply. The checkout
// outside the cycle reaches the same.
#include "orders.h"

namespace orders {

void dispatch(Context &ctx, int step) { // SHAPE: event-driven
  switch (step) {
  case 0:
  case 2:
    placeOrder(ctx, step);
    break;
  case 1:
    awaitConfirmation(ctx, step);
    break;
  case 3:
    placeOrder(ctx, 0);
    break;
  default:
    break;
  }
}

void checkout(Context &ctx) { // SHAPE: event-driven
  dispatch(ctx, 0);
}

} // namespace orders
