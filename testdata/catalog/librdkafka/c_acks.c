/* Waiting for Kafka to acknowledge one's own messages: flush, poll, and a
   poll loop until the delivery-report callback has run. None is a reply. */
/* EXPECT-NONE */
#include <librdkafka/rdkafka.h>

#include <string.h>

static int delivered;

static void on_delivery(rd_kafka_t *rk, const rd_kafka_message_t *message, void *opaque) {
  (void)rk;
  (void)opaque;
  delivered = message->err == RD_KAFKA_RESP_ERR_NO_ERROR;
}

rd_kafka_conf_t *producer_config(void) {
  rd_kafka_conf_t *conf = rd_kafka_conf_new();
  rd_kafka_conf_set_dr_msg_cb(conf, on_delivery);
  return conf;
}

void order_placed(rd_kafka_t *producer, const char *order) { /* SHAPE: event-driven */
  rd_kafka_producev(producer, RD_KAFKA_V_TOPIC("orders.placed"), RD_KAFKA_V_VALUE((void *)order, strlen(order)),
                    RD_KAFKA_V_END);
  rd_kafka_flush(producer, -1); /* OK: sync-over-queue, publish-then-block, unbounded-reply-wait */
}

void order_placed_on(rd_kafka_topic_t *topic, rd_kafka_t *producer, const char *order) { /* SHAPE: event-driven */
  rd_kafka_produce(topic, RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_COPY, (void *)order, strlen(order), NULL, 0, NULL);
  while (!delivered)
    rd_kafka_poll(producer, 100); /* OK: sync-over-queue, publish-then-block */
}
