/* Publishing and then flushing waits for the server to have taken this
   connection's own messages: an acknowledgement, not a reply. */
/* EXPECT-NONE */
#include <nats/nats.h>

void order_placed(natsConnection *nc, const char *order) { /* SHAPE: event-driven */
  natsConnection_PublishString(nc, "orders.placed", order);
  natsConnection_Flush(nc); /* OK: sync-over-queue, publish-then-block */
}

void order_placed_within(natsConnection *nc, const char *order) { /* SHAPE: event-driven */
  natsConnection_PublishString(nc, "orders.placed", order);
  natsConnection_FlushTimeout(nc, 1000); /* OK: sync-over-queue, publish-then-block */
}

/* JetStream publishes wait for the stream's acknowledgement of the message
   they publish. */
void order_stored(jsCtx *js, const char *order) { /* SHAPE: event-driven */
  jsPubAck *ack = NULL;
  js_Publish(&ack, js, "orders.placed", order, 5, NULL, NULL); /* OK: sync-over-queue */
  js_PublishAsync(js, "orders.audited", order, 5, NULL);
  js_PublishAsyncComplete(js, NULL); /* OK: sync-over-queue, publish-then-block */
}
