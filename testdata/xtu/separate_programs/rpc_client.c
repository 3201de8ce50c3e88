/* Two programs of one build, each with its own main: both are flows. */
#include <amqp.h>
#include <amqp_framing.h>

int main(void) { /* SHAPE: messaging-request-reply */
  amqp_connection_state_t conn = amqp_new_connection();
  amqp_basic_properties_t props;
  props._flags = AMQP_BASIC_REPLY_TO_FLAG;
  props.reply_to = amqp_cstring_bytes("rpc.replies");
  amqp_basic_publish(conn, 1, amqp_cstring_bytes(""), amqp_cstring_bytes("rpc.requested"), 0, 0, &props,
                     amqp_cstring_bytes("ping"));
  amqp_frame_t frame;
  return amqp_simple_wait_frame(conn, &frame); /* EXPECT: sync-over-queue, unbounded-reply-wait */
}
