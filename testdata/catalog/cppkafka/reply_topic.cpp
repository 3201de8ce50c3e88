// Request/reply over Kafka with cppkafka: the request names its reply topic
// in a header, the caller's consumer is subscribed to that topic and polls
// it until the answer comes.
#include <cppkafka/cppkafka.h>

#include <chrono>
#include <string>

class ApprovalClient {
public:
  ApprovalClient(cppkafka::Producer &producer, cppkafka::Consumer &consumer) : producer_(producer), consumer_(consumer) {}

  bool approve(const std::string &order) { // SHAPE: messaging-request-reply
    consumer_.subscribe({"approval.replies"});
    cppkafka::MessageBuilder request("approval.requested");
    request.header(cppkafka::MessageBuilder::HeaderType("reply-topic", "approval.replies")); // EVIDENCE: reply-marker
    request.payload(order);
    producer_.produce(request); // EVIDENCE: publish
    cppkafka::Message reply = consumer_.poll(std::chrono::milliseconds(-1)); // EXPECT: sync-over-queue, unbounded-reply-wait; EVIDENCE: receive-on-reply
    return reply && !reply.get_error();
  }

  bool approveWithin(const std::string &order) { // SHAPE: messaging-request-reply
    consumer_.subscribe({"approval.replies"});
    producer_.produce(cppkafka::MessageBuilder("approval.requested")
                          .header(cppkafka::MessageBuilder::HeaderType("reply-topic", "approval.replies"))
                          .payload(order));
    cppkafka::Message reply = consumer_.poll(std::chrono::seconds(5)); // EXPECT: sync-over-queue; OK: unbounded-reply-wait; EVIDENCE: receive-on-reply
    return reply && !reply.get_error();
  }

private:
  cppkafka::Producer &producer_;
  cppkafka::Consumer &consumer_;
};
