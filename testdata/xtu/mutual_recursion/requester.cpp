// Publishes a quote request, then waits for the answer in a function of
// another file that calls back here to retry: mutual recursion across
// translation units. The expansion stops at the repeated function and the
// pattern is still found.
#include "requester.h"

namespace quotes {

bool Requester::send(int attemptsLeft) { // SHAPE: messaging-request-reply
  static const char body[] = "quote";
  producer_->produce("quote.requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, // EVIDENCE: publish
                     const_cast<char *>(body), sizeof body - 1, nullptr, 0, 0, nullptr, nullptr);
  return awaiter_.awaitOrRetry(*this, attemptsLeft); // EXPECT: sync-over-queue
}

} // namespace quotes
