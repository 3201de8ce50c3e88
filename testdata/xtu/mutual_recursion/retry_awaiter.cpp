// The other half of the recursion: receives, and on a timeout asks the
// requester to send again (which calls back here).
#include "requester.h"

namespace quotes {

bool Awaiter::awaitOrRetry(Requester &requester, int attemptsLeft) { // SHAPE: event-driven
  RdKafka::Message *message = consumer_->consume(1000); // EVIDENCE: receive-after-publish
  bool answered = message->err() == RdKafka::ERR_NO_ERROR;
  delete message;
  if (answered)
    return true;
  if (attemptsLeft == 0)
    return false;
  return requester.send(attemptsLeft - 1);
}

} // namespace quotes
