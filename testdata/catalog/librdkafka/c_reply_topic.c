/* Request/reply over Kafka in C: the request names its reply topic in a
   header, and the consumer handle subscribed to that topic is polled for
   the answer. */
#include <librdkafka/rdkafka.h>

#include <string.h>

int approve(rd_kafka_t *producer, rd_kafka_t *consumer, const char *order) { /* SHAPE: messaging-request-reply */
  rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new(1);
  rd_kafka_topic_partition_list_add(topics, "approval.replies", RD_KAFKA_PARTITION_UA);
  rd_kafka_subscribe(consumer, topics);
  rd_kafka_producev(producer, RD_KAFKA_V_TOPIC("approval.requested"), /* EVIDENCE: publish */
                    RD_KAFKA_V_HEADER("reply-topic", "approval.replies", -1), /* EVIDENCE: reply-marker */
                    RD_KAFKA_V_VALUE((void *)order, strlen(order)), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                    RD_KAFKA_V_END);
  rd_kafka_message_t *reply = rd_kafka_consumer_poll(consumer, -1); /* EXPECT: sync-over-queue, unbounded-reply-wait; EVIDENCE: receive-on-reply */
  int approved = reply && reply->err == RD_KAFKA_RESP_ERR_NO_ERROR;
  rd_kafka_message_destroy(reply);
  return approved;
}

/* Headers built with rd_kafka_header_add, and a bounded poll. */
int approve_within(rd_kafka_t *producer, rd_kafka_t *consumer, const char *order) { /* SHAPE: messaging-request-reply */
  rd_kafka_headers_t *headers = rd_kafka_headers_new(2);
  rd_kafka_header_add(headers, "reply-topic", -1, "approval.replies", -1); /* EVIDENCE: reply-marker */
  rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new(1);
  rd_kafka_topic_partition_list_add(topics, "approval.replies", RD_KAFKA_PARTITION_UA);
  rd_kafka_subscribe(consumer, topics);
  rd_kafka_producev(producer, RD_KAFKA_V_TOPIC("approval.requested"), RD_KAFKA_V_HEADERS(headers),
                    RD_KAFKA_V_VALUE((void *)order, strlen(order)), RD_KAFKA_V_END);
  rd_kafka_message_t *reply = rd_kafka_consumer_poll(consumer, 5000); /* EXPECT: sync-over-queue; OK: unbounded-reply-wait; EVIDENCE: receive-on-reply */
  int approved = reply && reply->err == RD_KAFKA_RESP_ERR_NO_ERROR;
  rd_kafka_message_destroy(reply);
  return approved;
}
