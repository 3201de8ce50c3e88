// Publishing and moving on is what events are for.
// EXPECT-NONE
#include <librdkafka/rdkafkacpp.h>

#include <string>

void orderPlaced(RdKafka::Producer *producer, const std::string &order) { // SHAPE: event-driven
  producer->produce("orders.placed", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char *>(order.data()), order.size(), nullptr, 0, 0, nullptr, nullptr);
}
