/* NATS request/reply: honest messaging request/reply, noted so that it is
   judged as the direct dependency it is. */
#include <nats/nats.h>

const char *price(natsConnection *nc, const char *sku) { /* SHAPE: messaging-request-reply */
  natsMsg *reply = NULL;
  if (natsConnection_RequestString(&reply, nc, "pricing.price", sku, 2000) != NATS_OK) /* EXPECT: broker-request-reply */
    return NULL;
  return natsMsg_GetData(reply);
}

void announce(natsConnection *nc, const char *sku) { /* SHAPE: event-driven */
  natsConnection_PublishString(nc, "pricing.price-changed", sku); /* OK: broker-request-reply */
}
