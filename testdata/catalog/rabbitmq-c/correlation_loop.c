/* A shared reply queue: the caller keeps consuming until the message with
   its own correlation id arrives, for a bounded number of attempts. */
#include <amqp.h>
#include <amqp_framing.h>

#include <string.h>
#include <sys/time.h>

int check_credit(amqp_connection_state_t conn, const char *customer, const char *correlation_id) { /* SHAPE: messaging-request-reply */
  amqp_basic_properties_t props;
  memset(&props, 0, sizeof props);
  props._flags = AMQP_BASIC_CORRELATION_ID_FLAG;
  props.correlation_id = amqp_cstring_bytes(correlation_id); /* EVIDENCE: reply-marker */
  amqp_basic_publish(conn, 1, amqp_cstring_bytes("credit"), amqp_cstring_bytes("credit.assessment-requested"), 0, 0,
                     &props, amqp_cstring_bytes(customer));
  struct timeval timeout = {1, 0};
  for (int attempts = 0; attempts < 10; ++attempts) {
    amqp_envelope_t envelope;
    amqp_rpc_reply_t reply = amqp_consume_message(conn, &envelope, &timeout, 0); /* EXPECT: sync-over-queue; EVIDENCE: correlation-check */
    if (reply.reply_type != AMQP_RESPONSE_NORMAL)
      continue;
    amqp_bytes_t got = envelope.message.properties.correlation_id;
    int mine = got.len == strlen(correlation_id) && memcmp(got.bytes, correlation_id, got.len) == 0;
    amqp_destroy_envelope(&envelope);
    if (mine)
      return 1;
  }
  return 0;
}
