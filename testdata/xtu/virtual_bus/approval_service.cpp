// Publishes through the abstract Bus (the call resolves to KafkaBus, in
// another file) and then waits for the decision.
#include "bus.h"
#include "decisions.h"

#include <chrono>

namespace approvals {

class ApprovalService {
public:
  ApprovalService(Bus &bus, Decisions &decisions) : bus_(bus), decisions_(decisions) {}
  bool approve(const std::string &requestId);
  void announce(const std::string &requestId);

private:
  Bus &bus_;
  Decisions &decisions_;
};

bool ApprovalService::approve(const std::string &requestId) { // SHAPE: messaging-request-reply
  std::future<bool> decision = decisions_.await(requestId);
  bus_.publish("approval.requested", requestId);
  if (decision.wait_for(std::chrono::seconds(30)) != std::future_status::ready) // EXPECT: sync-over-queue
    return false;
  return decision.get();
}

// Through the same interface, an event that nobody waits for.
void ApprovalService::announce(const std::string &requestId) { // SHAPE: event-driven
  bus_.publish("approval.recorded", requestId);
}

} // namespace approvals
