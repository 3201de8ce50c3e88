/* RPC over RabbitMQ with a server-named, exclusive reply queue: the name
   the broker gives the queue is both the consumer's queue and the message's
   reply_to. */
#include <amqp.h>
#include <amqp_framing.h>

#include <string.h>
#include <sys/time.h>

int reserve(amqp_connection_state_t conn, const char *order) { /* SHAPE: messaging-request-reply */
  amqp_queue_declare_ok_t *declared =
      amqp_queue_declare(conn, 1, amqp_empty_bytes, 0, 0, 1, 1, amqp_empty_table);
  amqp_bytes_t reply_queue = amqp_bytes_malloc_dup(declared->queue);
  amqp_basic_consume(conn, 1, reply_queue, amqp_empty_bytes, 0, 1, 1, amqp_empty_table);

  amqp_basic_properties_t props;
  memset(&props, 0, sizeof props);
  props._flags = AMQP_BASIC_REPLY_TO_FLAG | AMQP_BASIC_CORRELATION_ID_FLAG;
  props.reply_to = reply_queue; /* EVIDENCE: reply-marker */
  props.correlation_id = amqp_cstring_bytes("order-1");
  amqp_basic_publish(conn, 1, amqp_empty_bytes, amqp_cstring_bytes("inventory.reservations"), 0, 0, &props, /* EVIDENCE: publish */
                     amqp_cstring_bytes(order));

  struct timeval timeout = {5, 0};
  amqp_envelope_t envelope;
  amqp_rpc_reply_t reply = amqp_consume_message(conn, &envelope, &timeout, 0); /* EXPECT: sync-over-queue; OK: unbounded-reply-wait; EVIDENCE: receive-on-reply */
  amqp_bytes_free(reply_queue);
  return reply.reply_type == AMQP_RESPONSE_NORMAL;
}
