/* Notifications are facts sent to whoever listens: fire and forget. */
/* EXPECT-NONE */
#include "checkout/notifier.h"

void notify_order_confirmed(amqp_connection_state_t conn, const char *order_id) { /* SHAPE: event-driven */
  amqp_basic_publish(conn, 1, amqp_cstring_bytes("notifications"), amqp_cstring_bytes("order.confirmed"), 0, 0,
                     NULL, amqp_cstring_bytes(order_id));
}
