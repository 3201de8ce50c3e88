/* The reply is fetched with basic.get, polled until it is there: each get
   returns at once, but the loop has no deadline. */
#define _DEFAULT_SOURCE /* usleep */
#include <amqp.h>
#include <amqp_framing.h>

#include <string.h>
#include <unistd.h>

int quote(amqp_connection_state_t conn, const char *sku) { /* SHAPE: messaging-request-reply */
  amqp_basic_properties_t props;
  memset(&props, 0, sizeof props);
  props._flags = AMQP_BASIC_REPLY_TO_FLAG;
  props.reply_to = amqp_cstring_bytes("pricing.quotes"); /* EVIDENCE: reply-marker */
  amqp_basic_publish(conn, 1, amqp_empty_bytes, amqp_cstring_bytes("pricing.quote-requested"), 0, 0, &props,
                     amqp_cstring_bytes(sku));
  for (;;) {
    amqp_rpc_reply_t got = amqp_basic_get(conn, 1, amqp_cstring_bytes("pricing.quotes"), 1); /* EXPECT: sync-over-queue, unbounded-reply-wait; EVIDENCE: receive-on-reply */
    if (got.reply_type == AMQP_RESPONSE_NORMAL && got.reply.id == AMQP_BASIC_GET_OK_METHOD)
      return 1;
    usleep(10000);
  }
}

/* Waiting for a delivery frame after the publish, with no timeout. */
int quote_by_frame(amqp_connection_state_t conn, const char *sku) { /* SHAPE: messaging-request-reply */
  amqp_basic_properties_t props;
  memset(&props, 0, sizeof props);
  props._flags = AMQP_BASIC_REPLY_TO_FLAG;
  props.reply_to = amqp_cstring_bytes("pricing.quotes");
  amqp_basic_publish(conn, 1, amqp_empty_bytes, amqp_cstring_bytes("pricing.quote-requested"), 0, 0, &props,
                     amqp_cstring_bytes(sku));
  amqp_method_t method;
  return amqp_simple_wait_method(conn, 1, AMQP_BASIC_DELIVER_METHOD, &method) == AMQP_STATUS_OK; /* EXPECT: sync-over-queue, unbounded-reply-wait */
}
