// Request/reply with the C++ API: a produce() overload that carries
// headers, one of them naming the reply topic that the KafkaConsumer is
// subscribed to.
#include <librdkafka/rdkafkacpp.h>

#include <string>

class ApprovalClient {
public:
  bool approve(const std::string &order) { // SHAPE: messaging-request-reply
    consumer_->subscribe({"approval.replies"});
    RdKafka::Headers *headers = RdKafka::Headers::create();
    headers->add("reply-topic", "approval.replies"); // EVIDENCE: reply-marker
    producer_->produce("approval.requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, // EVIDENCE: publish
                       const_cast<char *>(order.data()), order.size(), nullptr, 0, 0, headers, nullptr);
    RdKafka::Message *reply = consumer_->consume(-1); // EXPECT: sync-over-queue, unbounded-reply-wait; EVIDENCE: receive-on-reply
    bool approved = reply->err() == RdKafka::ERR_NO_ERROR;
    delete reply;
    return approved;
  }

  // The legacy consumer reads a Topic object named "approval.replies".
  bool approveLegacy(const std::string &order) { // SHAPE: messaging-request-reply
    std::string error;
    RdKafka::Topic *replies = RdKafka::Topic::create(legacy_, "approval.replies", nullptr, error);
    legacy_->start(replies, 0, RdKafka::Topic::OFFSET_END);
    RdKafka::Headers *headers = RdKafka::Headers::create();
    headers->add("reply-topic", "approval.replies");
    producer_->produce("approval.requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                       const_cast<char *>(order.data()), order.size(), nullptr, 0, 0, headers, nullptr);
    RdKafka::Message *reply = legacy_->consume(replies, 0, 3000); // EXPECT: sync-over-queue; OK: unbounded-reply-wait; EVIDENCE: receive-on-reply
    bool approved = reply->err() == RdKafka::ERR_NO_ERROR;
    delete reply;
    return approved;
  }

private:
  RdKafka::Producer *producer_ = nullptr;
  RdKafka::KafkaConsumer *consumer_ = nullptr;
  RdKafka::Consumer *legacy_ = nullptr;
};
