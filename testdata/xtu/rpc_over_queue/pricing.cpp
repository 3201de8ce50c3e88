// Callers of the helper get its shape, and see it as one broker request;
// the finding stays in the helper, where the publish and the wait meet.
#include "pricing.h"

#include <string>

namespace rpc {

double PriceClient::quote(const std::string &sku) { // SHAPE: messaging-request-reply
  std::string answer = rpc_.call("pricing.quote.requested", sku); // OK: sync-over-queue, publish-then-block, unbounded-reply-wait
  return answer.empty() ? -1.0 : std::stod(answer);
}

} // namespace rpc
