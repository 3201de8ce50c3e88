/* Request/reply built by hand: a private inbox, a synchronous subscription
   on it, a publish that names the inbox as its reply subject, then a wait
   for the next message on that subscription. */
#include <nats/nats.h>

#include <stddef.h>

const char *quote(natsConnection *nc, const char *sku) { /* SHAPE: messaging-request-reply */
  natsInbox *inbox = NULL;
  natsSubscription *sub = NULL;
  natsMsg *reply = NULL;
  natsInbox_Create(&inbox); /* EVIDENCE: reply-marker */
  natsConnection_SubscribeSync(&sub, nc, inbox);
  natsConnection_PublishRequestString(nc, "pricing.quote", inbox, sku); /* EVIDENCE: publish */
  if (natsSubscription_NextMsg(&reply, sub, 2000) != NATS_OK) /* EXPECT: sync-over-queue; EVIDENCE: receive-on-reply */
    return NULL;
  return natsMsg_GetData(reply);
}

/* The same exchange, retried until an answer comes: each wait is short, but
   the loop has no deadline. */
const char *quote_patiently(natsConnection *nc, const char *sku) { /* SHAPE: messaging-request-reply */
  natsInbox *inbox = NULL;
  natsSubscription *sub = NULL;
  natsMsg *reply = NULL;
  natsInbox_Create(&inbox);
  natsConnection_SubscribeSync(&sub, nc, inbox);
  natsConnection_PublishRequestString(nc, "pricing.quote", inbox, sku);
  for (;;) {
    if (natsSubscription_NextMsg(&reply, sub, 100) == NATS_OK) /* EXPECT: sync-over-queue, unbounded-reply-wait; EVIDENCE: receive-on-reply */
      break;
  }
  return natsMsg_GetData(reply);
}
