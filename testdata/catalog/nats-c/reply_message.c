/* The reply subject travels on a message made with natsMsg_Create; the
   caller then reads the next message of its synchronous subscription on
   that subject. */
#include <nats/nats.h>

#include <stddef.h>
#include <string.h>

int reserve(natsConnection *nc, const char *order) { /* SHAPE: messaging-request-reply */
  const char *replies = "inventory.replies.42";
  natsSubscription *sub = NULL;
  natsMsg *request = NULL;
  natsMsg *reply = NULL;
  natsConnection_SubscribeSync(&sub, nc, replies);
  natsMsg_Create(&request, "inventory.reserve", replies, order, (int)strlen(order)); /* EVIDENCE: reply-marker */
  natsConnection_PublishMsg(nc, request); /* EVIDENCE: publish */
  natsStatus s = natsSubscription_NextMsg(&reply, sub, 5000); /* EXPECT: sync-over-queue; EVIDENCE: receive-on-reply */
  return s == NATS_OK;
}

/* A message without a reply subject, and a subscription on an unrelated
   subject read afterwards: a receive after the publish is weak evidence of a
   reply, but evidence all the same. */
int announce_then_read(natsConnection *nc, natsSubscription *audit, const char *order) { /* SHAPE: messaging-request-reply */
  natsMsg *event = NULL;
  natsMsg *next = NULL;
  natsMsg_Create(&event, "orders.placed", NULL, order, (int)strlen(order)); /* OK: sync-over-queue */
  natsConnection_PublishMsg(nc, event);
  return natsSubscription_NextMsg(&next, audit, 1000) == NATS_OK; /* EXPECT: sync-over-queue; EVIDENCE: receive-after-publish */
}
