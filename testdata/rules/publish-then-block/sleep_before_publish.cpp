// A back-off before publishing (a retry delay) is not a wait after it.
// EXPECT-NONE
#include <librdkafka/rdkafka.h>
#include <unistd.h>

void retryLater(rd_kafka_t *rk, int attempt) { // SHAPE: event-driven
  usleep(1000 * attempt); // OK: publish-then-block
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("retries.scheduled"), RD_KAFKA_V_END);
}
