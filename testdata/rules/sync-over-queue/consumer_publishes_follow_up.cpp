// A consumer that reacts to each message and publishes a follow-up event:
// the next consume is the next message, not a reply.
// EXPECT-NONE
#include <librdkafka/rdkafkacpp.h>

#include <atomic>
#include <string>

void fulfil(RdKafka::KafkaConsumer *consumer, RdKafka::Producer *producer, std::atomic<bool> &running) { // SHAPE: event-driven
  while (running) {
    RdKafka::Message *order = consumer->consume(500); // OK: sync-over-queue
    if (order->err() == RdKafka::ERR_NO_ERROR) {
      std::string shipment = "shipment for " + std::string(static_cast<const char *>(order->payload()), order->len());
      producer->produce("shipments.scheduled", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                        const_cast<char *>(shipment.data()), shipment.size(), nullptr, 0, 0, nullptr, nullptr);
    }
    delete order;
  }
}
