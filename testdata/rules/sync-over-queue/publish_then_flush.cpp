// Waiting for the broker's acknowledgement of one's own publish (flush,
// poll for delivery reports) is not waiting for a reply.
// EXPECT-NONE
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafkacpp.h>

#include <string>

void publishDurably(RdKafka::Producer *producer, const std::string &event) { // SHAPE: event-driven
  producer->produce("payments.captured", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char *>(event.data()), event.size(), nullptr, 0, 0, nullptr, nullptr);
  producer->poll(0);
  producer->flush(10 * 1000); // OK: publish-then-block, sync-over-queue
}

void publishDurablyC(rd_kafka_t *rk, const char *payload, size_t len) { // SHAPE: event-driven
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("payments.captured"), RD_KAFKA_V_VALUE((void *)payload, len),
                    RD_KAFKA_V_END);
  rd_kafka_flush(rk, -1); // OK: publish-then-block, unbounded-reply-wait
}
