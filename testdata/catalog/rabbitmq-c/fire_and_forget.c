/* Events published and left: one even names a reply queue, but nothing
   here waits for an answer on it. */
/* EXPECT-NONE */
#include <amqp.h>
#include <amqp_framing.h>

#include <string.h>

void stock_low(amqp_connection_state_t conn, const char *sku) { /* SHAPE: event-driven */
  amqp_basic_properties_t props;
  memset(&props, 0, sizeof props);
  props._flags = AMQP_BASIC_REPLY_TO_FLAG;
  props.reply_to = amqp_cstring_bytes("stock.reordered");
  amqp_basic_publish(conn, 1, amqp_cstring_bytes("stock"), amqp_cstring_bytes("stock.low"), 0, 0, &props, /* OK: sync-over-queue */
                     amqp_cstring_bytes(sku));
}

/* A worker: each delivery it consumes leads to a follow-up event. */
void ship_orders(amqp_connection_state_t conn) { /* SHAPE: event-driven */
  amqp_basic_consume(conn, 1, amqp_cstring_bytes("orders.paid"), amqp_empty_bytes, 0, 1, 0, amqp_empty_table);
  for (;;) {
    amqp_envelope_t envelope;
    amqp_rpc_reply_t reply = amqp_consume_message(conn, &envelope, NULL, 0); /* OK: sync-over-queue, unbounded-reply-wait */
    if (reply.reply_type != AMQP_RESPONSE_NORMAL)
      continue;
    amqp_basic_publish(conn, 1, amqp_cstring_bytes("shipping"), amqp_cstring_bytes("shipments.requested"), 0, 0, NULL,
                       envelope.message.body);
    amqp_destroy_envelope(&envelope);
  }
}
