// A short timeout that only makes a loop ask again bounds nothing: the
// caller still waits as long as the responder does. A deadline or an
// attempt limit in the loop does bound it.
#include <librdkafka/rdkafkacpp.h>

#include <chrono>
#include <future>
#include <string>

class KeyIssuer : public RdKafka::ConsumeCb {
public:
  void consume_cb(RdKafka::Message &message, void *) override { // SHAPE: event-driven
    issued_.set_value(std::string(static_cast<const char *>(message.payload()), message.len()));
  }

  std::string issue(RdKafka::Producer *producer, const std::string &owner) { // SHAPE: messaging-request-reply
    std::future<std::string> key = issued_.get_future();
    producer->produce("keys.issuance-requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                      const_cast<char *>(owner.data()), owner.size(), nullptr, 0, 0, nullptr);
    while (key.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) // EXPECT: sync-over-queue, unbounded-reply-wait
      producer->poll(0);
    return key.get();
  }

  std::string issueWithDeadline(RdKafka::Producer *producer, const std::string &owner) { // SHAPE: messaging-request-reply
    std::future<std::string> key = issued_.get_future();
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    producer->produce("keys.issuance-requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                      const_cast<char *>(owner.data()), owner.size(), nullptr, 0, 0, nullptr);
    while (key.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) { // EXPECT: sync-over-queue
      if (std::chrono::steady_clock::now() > deadline)
        return {};
    }
    return key.get();
  }

  std::string issueDoWhile(RdKafka::Producer *producer, const std::string &owner) { // SHAPE: messaging-request-reply
    std::future<std::string> key = issued_.get_future();
    producer->produce("keys.issuance-requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                      const_cast<char *>(owner.data()), owner.size(), nullptr, 0, 0, nullptr, nullptr);
    std::future_status status;
    do {
      status = key.wait_for(std::chrono::seconds(1)); // EXPECT: sync-over-queue, unbounded-reply-wait
    } while (status != std::future_status::ready);
    return key.get();
  }

private:
  std::promise<std::string> issued_;
};
