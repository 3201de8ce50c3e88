// The caller reads its reply topic until the message carrying its own
// correlation id arrives, giving up after a number of attempts.
#include <cppkafka/cppkafka.h>

#include <chrono>
#include <string>

std::string priceOf(cppkafka::Producer &producer, cppkafka::Consumer &replies, const std::string &sku) { // SHAPE: messaging-request-reply
  const std::string correlationId = sku + "-1";
  cppkafka::MessageBuilder request("pricing.quote-requested");
  request.header(cppkafka::MessageBuilder::HeaderType("correlation-id", correlationId));
  request.payload(sku);
  producer.produce(request); // EVIDENCE: publish
  for (int attempt = 0; attempt < 20; ++attempt) {
    cppkafka::Message reply = replies.poll(std::chrono::milliseconds(250)); // EXPECT: sync-over-queue; OK: unbounded-reply-wait; EVIDENCE: correlation-check
    if (!reply || reply.get_error())
      continue;
    const auto header = reply.get_header_list().front();
    if (std::string(header.get_value()) == correlationId)
      return std::string(reply.get_payload());
  }
  return {};
}
