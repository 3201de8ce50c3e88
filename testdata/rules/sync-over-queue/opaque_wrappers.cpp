// The platform team's messaging library ships as a binary: flowshape sees
// only its declarations. The project's .flowshape.yaml declares what the
// wrappers do, in the catalog schema (opaque_wrappers.yaml).
// CONFIG: opaque_wrappers.yaml
#include <chrono>
#include <string>

namespace platform {
class Bus {
public:
  void send(const std::string &topic, const std::string &payload);
  std::string awaitReply(const std::string &topic, std::chrono::milliseconds timeout);
  std::string awaitReplyForever(const std::string &topic);
};
} // namespace platform

std::string reserveStock(platform::Bus &bus, const std::string &sku) { // SHAPE: messaging-request-reply
  bus.send("stock.reservation-requested", sku); // EVIDENCE: publish
  return bus.awaitReply("stock.replies", std::chrono::milliseconds(500)); // EXPECT: sync-over-queue
}

std::string reserveStockForever(platform::Bus &bus, const std::string &sku) { // SHAPE: messaging-request-reply
  bus.send("stock.reservation-requested", sku);
  return bus.awaitReplyForever("stock.replies"); // EXPECT: sync-over-queue, unbounded-reply-wait
}

void stockChanged(platform::Bus &bus, const std::string &sku) { // SHAPE: event-driven
  bus.send("stock.changed", sku); // OK: sync-over-queue
}
