/* A consumer that publishes a follow-up event for each message it reads. */
/* EXPECT-NONE */
#include <librdkafka/rdkafka.h>

void invoice_orders(rd_kafka_t *consumer, rd_kafka_t *producer, volatile int *running) { /* SHAPE: event-driven */
  rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new(1);
  rd_kafka_topic_partition_list_add(topics, "orders.placed", RD_KAFKA_PARTITION_UA);
  rd_kafka_subscribe(consumer, topics);
  while (*running) {
    rd_kafka_message_t *order = rd_kafka_consumer_poll(consumer, 500); /* OK: sync-over-queue */
    if (!order)
      continue;
    rd_kafka_producev(producer, RD_KAFKA_V_TOPIC("invoices.issued"), RD_KAFKA_V_VALUE(order->payload, order->len),
                      RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
    rd_kafka_message_destroy(order);
  }
}
