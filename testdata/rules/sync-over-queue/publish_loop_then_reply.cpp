// Publishing requests in a loop, then waiting for their replies after the
// loop: the loop does not hide the synchronous dependency.
#include <librdkafka/rdkafka.h>

#include <string>
#include <vector>

int collectBids(rd_kafka_t *producer, rd_kafka_t *consumer, const std::vector<std::string> &suppliers) { // SHAPE: messaging-request-reply
  for (const std::string &supplier : suppliers)
    rd_kafka_producev(producer, RD_KAFKA_V_TOPIC("bids.requested"), RD_KAFKA_V_HEADER("reply-to", "bids.replies", -1), // EVIDENCE: publish, reply-marker
                      RD_KAFKA_V_VALUE((void *)supplier.data(), supplier.size()), RD_KAFKA_V_END);
  int received = 0;
  while (received < static_cast<int>(suppliers.size())) {
    rd_kafka_message_t *bid = rd_kafka_consumer_poll(consumer, 5000); // EXPECT: sync-over-queue
    if (!bid)
      break;
    ++received;
    rd_kafka_message_destroy(bid);
  }
  return received;
}
