/* Publish, then sleep and hope the consumer is done: a hidden synchronous
   dependency on the consumer's timing. */
#include <amqp.h>
#include <unistd.h>

void export_report(amqp_connection_state_t conn) { /* SHAPE: publish-then-block */
  amqp_basic_publish(conn, 1, amqp_cstring_bytes("reports"), amqp_cstring_bytes("report.export-requested"), 0, 0,
                     NULL, amqp_cstring_bytes("{}"));
  sleep(5); // EXPECT: publish-then-block
}
