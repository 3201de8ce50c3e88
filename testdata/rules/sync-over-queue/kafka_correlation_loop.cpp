// A request published to Kafka with reply headers, then a consume loop that
// keeps reading until the reply with the same correlation id arrives.
#include <librdkafka/rdkafkacpp.h>

#include <string>

class ApprovalClient {
public:
  std::string requestApproval(const std::string &orderId) { // SHAPE: messaging-request-reply
    RdKafka::Headers *headers = RdKafka::Headers::create();
    headers->add("reply-topic", "approval.replies"); // EVIDENCE: reply-marker
    headers->add("correlation-id", orderId);
    producer_->produce("approval.requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, // EVIDENCE: publish
                       const_cast<char *>(orderId.data()), orderId.size(), nullptr, 0, 0, headers, nullptr);
    for (int attempt = 0; attempt < 50; ++attempt) {
      RdKafka::Message *reply = consumer_->consume(200); // EXPECT: sync-over-queue; EVIDENCE: correlation-check
      if (reply->err() != RdKafka::ERR_NO_ERROR)
        continue;
      const RdKafka::Headers::Header id = reply->headers()->get_last("correlation-id");
      if (std::string(static_cast<const char *>(id.value()), id.value_size()) == orderId)
        return std::string(static_cast<const char *>(reply->payload()), reply->len());
    }
    return "timeout";
  }

private:
  RdKafka::Producer *producer_ = nullptr;
  RdKafka::KafkaConsumer *consumer_ = nullptr;
};
