// A suppression of a rule the configuration turns off is kept for the day
// the rule is turned back on: it is not reported as unused. One that names
// a rule still on, and suppresses nothing, is.
// CONFIG: publish-then-block-off.flowshape.yaml
#include <librdkafka/rdkafka.h>
#include <unistd.h>

void publishThenNap(rd_kafka_t *rk) { // SHAPE: publish-then-block
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("orders.placed"), RD_KAFKA_V_END);
  usleep(1000); // NOLINT(flowshape-publish-then-block): the consumer needs a head start; OK: unused-suppression
  usleep(1000); // NOLINT(flowshape-sync-over-queue)
  // EXPECT@-1: unused-suppression
}
