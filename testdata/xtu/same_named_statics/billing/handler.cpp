// The other service's notify() only logs: waiting for a reply afterwards
// follows no publish of this flow.
// EXPECT-NONE
#include "replies.h"

#include <iostream>

static void notify(const std::string &id) { std::clog << "invoice " << id << " opened\n"; }

std::string awaitPayment(Replies &replies, const std::string &invoiceId) {
  std::future<std::string> payment = replies.await(invoiceId);
  notify(invoiceId);
  return payment.get(); // OK: sync-over-queue, publish-then-block
}
