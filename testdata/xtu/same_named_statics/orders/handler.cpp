// Two services each have a handler.cpp with a file-local notify() of the
// same signature. Clang's USRs of internal functions name the file only by
// its base name: the linker must still keep them apart. This one publishes,
// and its caller then waits for the reply.
#include "replies.h"

static void notify(const std::string &id) { // SHAPE: event-driven
  gProducer->produce("stock.reservation.requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, // EVIDENCE: publish
                     const_cast<char *>(id.data()), id.size(), nullptr, 0, 0, nullptr, nullptr);
}

std::string reserveStock(Replies &replies, const std::string &orderId) { // SHAPE: messaging-request-reply
  std::future<std::string> answer = replies.await(orderId);
  notify(orderId);
  return answer.get(); // EXPECT: sync-over-queue, unbounded-reply-wait
}
