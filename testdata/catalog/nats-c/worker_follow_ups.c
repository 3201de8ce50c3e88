/* A worker: it reads orders from its subscription and publishes a fact for
   each. The next message of the loop is not a reply to this iteration's
   publish. */
/* EXPECT-NONE */
#include <nats/nats.h>

#include <stddef.h>

void invoice_orders(natsConnection *nc) { /* SHAPE: event-driven */
  natsSubscription *sub = NULL;
  natsConnection_SubscribeSync(&sub, nc, "orders.placed");
  for (;;) {
    natsMsg *order = NULL;
    if (natsSubscription_NextMsg(&order, sub, 1000) != NATS_OK) /* OK: sync-over-queue, unbounded-reply-wait */
      continue;
    natsConnection_PublishString(nc, "invoices.issued", natsMsg_GetData(order));
    natsMsg_Destroy(order);
  }
}

/* A message handler that answers each request it gets (the responder side
   of request/reply) only publishes. */
static void on_order(natsConnection *nc, natsSubscription *sub, natsMsg *msg, void *closure) { /* SHAPE: event-driven */
  (void)sub;
  (void)closure;
  natsConnection_PublishString(nc, natsMsg_GetReply(msg), "accepted");
  natsConnection_PublishString(nc, "orders.accepted", natsMsg_GetData(msg));
  natsMsg_Destroy(msg);
}

void serve_orders(natsConnection *nc, natsSubscription **sub) { /* SHAPE: event-driven */
  natsConnection_QueueSubscribe(sub, nc, "orders.place", "order-service", on_order, NULL);
}
