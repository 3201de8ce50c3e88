/* The classic RPC over RabbitMQ: publish with reply_to and correlation_id,
   then block on the reply queue. */
#include <amqp.h>
#include <amqp_framing.h>
#include <string.h>

int request_quote(amqp_connection_state_t conn, const char *reply_queue) { // SHAPE: messaging-request-reply
  amqp_basic_properties_t props;
  memset(&props, 0, sizeof props);
  props._flags = AMQP_BASIC_REPLY_TO_FLAG | AMQP_BASIC_CORRELATION_ID_FLAG;
  props.reply_to = amqp_cstring_bytes(reply_queue); // EVIDENCE: reply-marker
  props.correlation_id = amqp_cstring_bytes("quote-1");
  amqp_basic_publish(conn, 1, amqp_cstring_bytes(""), amqp_cstring_bytes("pricing.quote"), 0, 0, &props, // EVIDENCE: publish
                     amqp_cstring_bytes("{}"));
  amqp_basic_consume(conn, 1, amqp_cstring_bytes(reply_queue), amqp_empty_bytes, 0, 1, 0, amqp_empty_table);
  amqp_envelope_t envelope;
  amqp_rpc_reply_t reply = amqp_consume_message(conn, &envelope, NULL, 0); // EXPECT: sync-over-queue, unbounded-reply-wait; EVIDENCE: receive-on-reply
  return reply.reply_type == AMQP_RESPONSE_NORMAL;
}
