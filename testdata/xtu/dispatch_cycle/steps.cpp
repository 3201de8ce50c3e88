// A second dispatcher whose two steps share a helper that may dispatch
// again: announce, helper, stepDispatch and collect are one call cycle.
// In stepDispatch's flow the helper is reached from both steps; each call
// gets its own copy of the helper's body, so the publish of one step does
// not meet the receive of the other, which follows a different call of
// the helper. Through the recursion itself both meet, in the flows of
// announce and collect.
#include "orders.h"

namespace orders {

void stepDispatch(Context &ctx, int step);

void helper(Context &ctx, int step) { // SHAPE: event-driven
  if (step > 10)
    stepDispatch(ctx, step + 1);
}

void announce(Context &ctx, int step) { // SHAPE: messaging-request-reply
  static const char body[] = "step";
  ctx.producer->produce("order.stepped", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, // EVIDENCE: publish
                        const_cast<char *>(body), sizeof body - 1, nullptr, 0, 0, nullptr, nullptr);
  helper(ctx, step); // EXPECT: sync-over-queue
}

void collect(Context &ctx, int step) { // SHAPE: messaging-request-reply
  helper(ctx, step);
  RdKafka::Message *message = ctx.consumer->consume(1000); // EXPECT: sync-over-queue; EVIDENCE: receive-after-publish
  delete message;
}

void stepDispatch(Context &ctx, int step) { // SHAPE: event-driven
  switch (step) {
  case 0:
    announce(ctx, step);
    break;
  case 1:
    collect(ctx, step);
    break;
  default:
    break;
  }
}

} // namespace orders
