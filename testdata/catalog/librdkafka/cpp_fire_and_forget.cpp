// A notification that names a reply topic, with nothing waiting for the
// answer, and publishes followed by flushes: event-driven, no finding.
// EXPECT-NONE
#include <librdkafka/rdkafkacpp.h>

#include <string>

void stockLow(RdKafka::Producer *producer, const std::string &sku) { // SHAPE: event-driven
  RdKafka::Headers *headers = RdKafka::Headers::create();
  headers->add("reply-topic", "stock.reordered");
  producer->produce("stock.low", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, // OK: sync-over-queue
                    const_cast<char *>(sku.data()), sku.size(), nullptr, 0, 0, headers, nullptr);
}

void orderPlaced(RdKafka::Producer *producer, const std::string &order) { // SHAPE: event-driven
  producer->produce("orders.placed", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char *>(order.data()), order.size(), nullptr, 0, 0, nullptr, nullptr);
  producer->flush(-1); // OK: sync-over-queue, publish-then-block, unbounded-reply-wait
}

void ordersReplayed(RdKafka::Producer *producer, RdKafka::KafkaConsumer *archive) { // SHAPE: event-driven
  archive->subscribe({"orders.archive"});
  for (;;) {
    RdKafka::Message *order = archive->consume(1000); // OK: sync-over-queue
    if (order->err() == RdKafka::ERR_NO_ERROR)
      producer->produce("orders.replayed", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                        order->payload(), order->len(), nullptr, 0, 0, nullptr, nullptr);
    delete order;
  }
}
