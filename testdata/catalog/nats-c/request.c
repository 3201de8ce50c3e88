/* The explicit request API: honest request/reply over NATS, with the
   timeout the API makes mandatory. */
#include <nats/nats.h>

#include <stddef.h>
#include <string.h>

int reserve(natsConnection *nc, const char *order) { /* SHAPE: messaging-request-reply */
  natsMsg *reply = NULL;
  natsStatus s = natsConnection_Request(&reply, nc, "inventory.reserve", order, (int)strlen(order), 1500); /* EXPECT: broker-request-reply; OK: unbounded-reply-wait; EVIDENCE: broker-request */
  return s == NATS_OK;
}

int reserve_message(natsConnection *nc, const char *order, int64_t timeout_ms) { /* SHAPE: messaging-request-reply */
  natsMsg *request = NULL;
  natsMsg *reply = NULL;
  natsMsg_Create(&request, "inventory.reserve", NULL, order, (int)strlen(order));
  return natsConnection_RequestMsg(&reply, nc, request, timeout_ms) == NATS_OK; /* EXPECT: broker-request-reply; OK: unbounded-reply-wait */
}

/* Publishing is not requesting. */
void reserved(natsConnection *nc, const char *order) { /* SHAPE: event-driven */
  natsConnection_PublishString(nc, "inventory.reserved", order); /* OK: broker-request-reply */
}
