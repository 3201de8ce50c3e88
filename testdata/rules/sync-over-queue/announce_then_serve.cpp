// A service that announces itself and then serves messages forever: the
// consume loop after the publish is a worker loop, not a wait for a reply.
// EXPECT-NONE
#include <librdkafka/rdkafkacpp.h>

#include <atomic>
#include <string>

void runService(RdKafka::Producer *producer, RdKafka::KafkaConsumer *consumer, std::atomic<bool> &running) { // SHAPE: event-driven
  std::string hello = "inventory-service up";
  producer->produce("services.started", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char *>(hello.data()), hello.size(), nullptr, 0, 0, nullptr, nullptr);
  while (running) {
    RdKafka::Message *m = consumer->consume(1000); // OK: sync-over-queue
    delete m;
  }
}
