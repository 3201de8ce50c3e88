/* Publisher confirms: waiting for the broker's basic.ack of one's own
   publish is an acknowledgement, not a reply. */
/* EXPECT-NONE */
#include <amqp.h>
#include <amqp_framing.h>

int order_placed(amqp_connection_state_t conn, const char *order) { /* SHAPE: event-driven */
  amqp_confirm_select(conn, 1);
  amqp_basic_publish(conn, 1, amqp_cstring_bytes("orders"), amqp_cstring_bytes("orders.placed"), 1, 0, NULL,
                     amqp_cstring_bytes(order));
  amqp_method_t method;
  return amqp_simple_wait_method(conn, 1, AMQP_BASIC_ACK_METHOD, &method) == AMQP_STATUS_OK; /* OK: sync-over-queue, publish-then-block */
}
