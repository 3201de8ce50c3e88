// Two handlers of a dispatcher that calls them and that they call back for
// the next step: with dispatch.cpp, one call cycle of three functions over
// two files. The handler that publishes then dispatches to the one that
// receives: a wait its own flow reaches through the cycle.
#include "orders.h"

namespace orders {

void placeOrder(Context &ctx, int step) { // SHAPE: messaging-request-reply
  static const char body[] = "order";
  ctx.producer->produce("order.placed", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, // EVIDENCE: publish
                        const_cast<char *>(body), sizeof body - 1, nullptr, 0, 0, nullptr, nullptr);
  dispatch(ctx, step + 1); // EXPECT: sync-over-queue
}

// Receives, then goes on with the next step: what it dispatches to
// publishes after the receive, so nothing here waits for a reply.
void awaitConfirmation(Context &ctx, int step) { // SHAPE: event-driven
  RdKafka::Message *message = ctx.consumer->consume(1000); // EVIDENCE: receive-after-publish
  delete message;
  dispatch(ctx, step + 1);
}

} // namespace orders
