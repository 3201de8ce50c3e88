// A reply read with an infinite timeout, or in a loop that never gives up,
// hangs the caller as long as the responder is down.
#include <librdkafka/rdkafkacpp.h>

#include <chrono>
#include <string>

class Rpc {
public:
  std::string callForever(const std::string &request) { // SHAPE: messaging-request-reply
    send(request);
    RdKafka::Message *reply = consumer_->consume(-1); // EXPECT: sync-over-queue, unbounded-reply-wait
    return std::string(static_cast<const char *>(reply->payload()), reply->len());
  }

  std::string callPatiently(const std::string &request) { // SHAPE: messaging-request-reply
    send(request);
    while (true) {
      RdKafka::Message *reply = consumer_->consume(100); // EXPECT: sync-over-queue, unbounded-reply-wait
      if (reply->err() == RdKafka::ERR_NO_ERROR)
        return std::string(static_cast<const char *>(reply->payload()), reply->len());
    }
  }

  std::string callWithDeadline(const std::string &request) { // SHAPE: messaging-request-reply
    send(request);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    while (true) {
      RdKafka::Message *reply = consumer_->consume(100); // EXPECT: sync-over-queue; OK: unbounded-reply-wait
      if (reply->err() == RdKafka::ERR_NO_ERROR)
        return std::string(static_cast<const char *>(reply->payload()), reply->len());
      if (std::chrono::steady_clock::now() > deadline)
        return {};
    }
  }

  std::string callOnce(const std::string &request) { // SHAPE: messaging-request-reply
    send(request);
    RdKafka::Message *reply = consumer_->consume(5000); // EXPECT: sync-over-queue; OK: unbounded-reply-wait
    return reply->err() ? std::string() : std::string(static_cast<const char *>(reply->payload()), reply->len());
  }

private:
  void send(const std::string &request) { // SHAPE: event-driven
    RdKafka::Headers *headers = RdKafka::Headers::create();
    headers->add("reply-to", "rpc.replies");
    producer_->produce("rpc.requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                       const_cast<char *>(request.data()), request.size(), nullptr, 0, 0, headers, nullptr);
  }

  RdKafka::Producer *producer_ = nullptr;
  RdKafka::KafkaConsumer *consumer_ = nullptr;
};
