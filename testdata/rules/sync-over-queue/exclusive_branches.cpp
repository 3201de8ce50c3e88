// A publish and a receive in branches that exclude each other never happen
// in sequence.
// EXPECT-NONE
#include <librdkafka/rdkafkacpp.h>

#include <string>

void route(bool producerSide, RdKafka::Producer *producer, RdKafka::KafkaConsumer *consumer, // SHAPE: event-driven
           const std::string &payload) {
  if (producerSide) {
    producer->produce("stock.adjusted", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                      const_cast<char *>(payload.data()), payload.size(), nullptr, 0, 0, nullptr, nullptr);
  } else {
    RdKafka::Message *m = consumer->consume(1000); // OK: sync-over-queue
    delete m;
  }
}
