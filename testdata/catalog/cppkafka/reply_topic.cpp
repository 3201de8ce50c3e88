// Request/reply over Kafka with cppkafka: the request names its reply topic
// in a header, the caller's consumer is subscribed to that topic and polls
// it until the answer comes.
#include <cppkafka/cppkafka.h>

#include <chrono>
#include <string>
#include <vector>

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

// sync_produce waits for the broker's acknowledgement of the request, which
// is no reply; the poll of the reply topic that follows is.
std::string quote(cppkafka::BufferedProducer<std::string> &producer, cppkafka::Consumer &replies, const std::string &sku) { // SHAPE: messaging-request-reply
  replies.subscribe({"pricing.quotes"});
  auto request = producer.make_builder("pricing.quote-requested");
  request.header(cppkafka::Header<std::string>("reply-topic", "pricing.quotes"));
  request.payload(sku);
  producer.sync_produce(request); // EVIDENCE: publish; OK: unbounded-reply-wait
  std::vector<cppkafka::Message> batch = replies.poll_batch(1, std::chrono::seconds(2)); // EXPECT: sync-over-queue; OK: unbounded-reply-wait; EVIDENCE: receive-on-reply
  return batch.empty() ? std::string() : std::string(batch.front().get_payload());
}
