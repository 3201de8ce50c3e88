// Looks like publish-then-wait across files, but the only wait is the
// flush inside the wrapper: the broker's acknowledgement of the wrapper's
// own messages. Two publishes in a row: the second one's flush is not a
// reply to the first either.
// EXPECT-NONE
#include "reliable_bus.h"

namespace billing {

class InvoiceHandler {
public:
  explicit InvoiceHandler(ReliableBus &bus) : bus_(bus) {}
  void onPaymentCaptured(const std::string &orderId);

private:
  ReliableBus &bus_;
};

void InvoiceHandler::onPaymentCaptured(const std::string &orderId) { // SHAPE: event-driven
  bus_.publishDurably("invoice.issued", orderId);
  bus_.publishDurably("receipt.sent", orderId); // OK: sync-over-queue, publish-then-block
}

} // namespace billing
