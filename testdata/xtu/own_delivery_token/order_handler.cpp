// Waits after publishing, in another file than the publish, but only for
// the delivery report of its own message (a future completed by dr_cb).
// EXPECT-NONE
#include "publisher.h"

namespace orders {

class OrderHandler {
public:
  explicit OrderHandler(Publisher &publisher) : publisher_(publisher) {}
  bool accept(const std::string &orderId);
  bool acceptConfirmed(const std::string &orderId);

private:
  Publisher &publisher_;
};

bool OrderHandler::accept(const std::string &orderId) { // SHAPE: event-driven
  std::future<bool> delivered = publisher_.publishAsync("order.accepted", orderId);
  return delivered.get(); // OK: sync-over-queue, publish-then-block, unbounded-reply-wait
}

bool OrderHandler::acceptConfirmed(const std::string &orderId) { // SHAPE: event-driven
  return publisher_.publishConfirmed("order.accepted", orderId); // OK: sync-over-queue, publish-then-block
}

} // namespace orders
