// A team's own vocabulary: word lists from the configuration replace the
// defaults (custom_words.yaml: 'enqueue' is a command, 'check' is not), and
// a fact word outranks the WordNet verbs ('reconcile' names a report there).
// CONFIG: custom_words.yaml
#include <librdkafka/rdkafkacpp.h>

#include <string>

void emit(RdKafka::Producer *producer, const std::string &body) { // SHAPE: event-driven
  producer->produce("jobs.enqueue", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, // EXPECT: command-named-event
                    const_cast<char *>(body.data()), body.size(), nullptr, 0, 0, nullptr, nullptr);
  producer->produce("inventory.check", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, // OK: command-named-event
                    const_cast<char *>(body.data()), body.size(), nullptr, 0, 0, nullptr, nullptr);
  producer->produce("replica.reconcile", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, // OK: command-named-event
                    const_cast<char *>(body.data()), body.size(), nullptr, 0, 0, nullptr, nullptr);
  producer->produce("cache.rebuild", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, // EXPECT: command-named-event
                    const_cast<char *>(body.data()), body.size(), nullptr, 0, 0, nullptr, nullptr);
}
