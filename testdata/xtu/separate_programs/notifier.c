/* EXPECT-NONE */
#include <amqp.h>

int main(void) { /* SHAPE: event-driven */
  amqp_connection_state_t conn = amqp_new_connection();
  return amqp_basic_publish(conn, 1, amqp_cstring_bytes("events"), amqp_cstring_bytes("user.signed-up"), 0, 0, NULL,
                            amqp_cstring_bytes("{}"));
}
