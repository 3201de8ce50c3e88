// With require-justification, every suppression must give its reason; one
// that does not is an error at the comment. The finding it covers stays
// suppressed: the error asks for the reason, not for the finding.
// CONFIG: require-justification.flowshape.yaml
#include <librdkafka/rdkafka.h>
#include <unistd.h>

void publish(rd_kafka_t *rk) { // SHAPE: event-driven
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("orders.placed"), RD_KAFKA_V_END);
}

void nolintWithoutReason(rd_kafka_t *rk) { // SHAPE: publish-then-block
  publish(rk);
  usleep(1000); // NOLINT(flowshape-publish-then-block)
  // EXPECT@-1: unjustified-suppression
}

void bareNolintWithoutReason(rd_kafka_t *rk) { // SHAPE: publish-then-block
  publish(rk);
  usleep(1000); // NOLINT
  // EXPECT@-1: unjustified-suppression
}

void allowWithoutReason(rd_kafka_t *rk) { // SHAPE: publish-then-block
  publish(rk);
  // flowshape: allow publish-then-block
  usleep(1000);
  // EXPECT@-2: unjustified-suppression
}

void emptyReason(rd_kafka_t *rk) { // SHAPE: publish-then-block
  publish(rk);
  // NOLINTNEXTLINE(flowshape-publish-then-block):
  usleep(1000);
  // EXPECT@-2: unjustified-suppression
}

void unusedWithoutReason(rd_kafka_t *rk) { // SHAPE: event-driven
  publish(rk); // NOLINT(flowshape-sync-over-queue)
  // EXPECT@-1: unjustified-suppression, unused-suppression
}

void nolintWithReason(rd_kafka_t *rk) { // SHAPE: publish-then-block
  publish(rk);
  usleep(1000); // NOLINT(flowshape-publish-then-block): the consumer needs a head start; OK: unjustified-suppression
}

void allowWithReason(rd_kafka_t *rk) { // SHAPE: publish-then-block
  publish(rk);
  // flowshape: allow publish-then-block -- rate limit of the downstream API; OK: unjustified-suppression
  usleep(1000);
}

void notOurs(rd_kafka_t *rk) { // SHAPE: event-driven
  publish(rk); // NOLINT; OK: unjustified-suppression
  publish(rk); // NOLINT(bugprone-unused-return-value); OK: unjustified-suppression
}
