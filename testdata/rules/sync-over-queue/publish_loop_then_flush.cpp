// Publishing a batch in a loop and then flushing once: acknowledgements only.
// EXPECT-NONE
#include <librdkafka/rdkafkacpp.h>

#include <string>
#include <vector>

void publishAll(RdKafka::Producer *producer, const std::vector<std::string> &events) { // SHAPE: event-driven
  for (const std::string &event : events)
    producer->produce("audit.recorded", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                      const_cast<char *>(event.data()), event.size(), nullptr, 0, 0, nullptr, nullptr);
  producer->flush(-1); // OK: unbounded-reply-wait, publish-then-block
}
