// Sleeping after a publish waits for an effect nothing shows; a sleep that
// paces a publishing loop does not; a latch nobody's consumer counts down is
// an unrelated block.
#include <boost/chrono.hpp>
#include <boost/thread/latch.hpp>
#include <boost/thread/thread.hpp>
#include <librdkafka/rdkafkacpp.h>

#include <string>
#include <vector>

void shipAndHope(RdKafka::Producer *producer, const std::string &order) { // SHAPE: publish-then-block
  producer->produce("shipments.requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char *>(order.data()), order.size(), nullptr, 0, 0, nullptr, nullptr);
  boost::this_thread::sleep_for(boost::chrono::seconds(5)); // EXPECT: publish-then-block
}

void replay(RdKafka::Producer *producer, const std::vector<std::string> &orders) { // SHAPE: event-driven
  for (const std::string &order : orders) {
    producer->produce("orders.replayed", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                      const_cast<char *>(order.data()), order.size(), nullptr, 0, 0, nullptr, nullptr);
    boost::this_thread::sleep_for(boost::chrono::milliseconds(10)); // OK: publish-then-block
  }
}

void startAll(RdKafka::Producer *producer, boost::latch &workersReady, const std::string &order) { // SHAPE: publish-then-block
  producer->produce("orders.placed", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char *>(order.data()), order.size(), nullptr, 0, 0, nullptr, nullptr);
  workersReady.wait(); // EXPECT: publish-then-block
}
