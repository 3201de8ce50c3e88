// The handler publishes through the bus (another file) and then waits for
// the verdict that a consumer callback (a third file) hands over: a
// synchronous dependency on the fraud service, disguised behind Kafka.
#include "event_bus.h"
#include "fraud_replies.h"

namespace fraud {

class OrderHandler {
public:
  OrderHandler(EventBus &bus, FraudReplies &replies) : bus_(bus), replies_(replies) {}
  bool onOrderPlaced(const std::string &orderId);

private:
  EventBus &bus_;
  FraudReplies &replies_;
};

bool OrderHandler::onOrderPlaced(const std::string &orderId) { // SHAPE: messaging-request-reply
  std::future<bool> verdict = replies_.expect(orderId);
  bus_.publish("fraud.check.requested", orderId);
  return verdict.get(); // EXPECT: sync-over-queue, unbounded-reply-wait
}

} // namespace fraud
