// Receiving in a worker loop with no publish before it is plain consuming.
// EXPECT-NONE
#include <librdkafka/rdkafka.h>

void serve(rd_kafka_t *consumer, volatile int *running) { // SHAPE: event-driven
  while (*running) {
    rd_kafka_message_t *m = rd_kafka_consumer_poll(consumer, -1); // OK: sync-over-queue, unbounded-reply-wait
    if (m)
      rd_kafka_message_destroy(m);
  }
}
