/* A reply subject served by an asynchronous subscription, and nothing that
   waits for it: the caller moves on and the answer is handled as an event
   when it comes. */
/* EXPECT-NONE */
#include <nats/nats.h>

#include <stdio.h>

static void on_quote(natsConnection *nc, natsSubscription *sub, natsMsg *msg, void *closure) { /* SHAPE: event-driven */
  (void)nc;
  (void)sub;
  (void)closure;
  printf("quote: %s\n", natsMsg_GetData(msg));
  natsMsg_Destroy(msg);
}

void ask_for_quote(natsConnection *nc, natsSubscription **sub, const char *sku) { /* SHAPE: event-driven */
  natsConnection_Subscribe(sub, nc, "pricing.quotes", on_quote, NULL);
  natsConnection_PublishRequestString(nc, "pricing.quote-requested", "pricing.quotes", sku); /* OK: sync-over-queue */
}
