// A condition variable notified by the reply callback: wait() has no
// deadline, wait_for() does.
#include <nats/nats.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>

namespace {
std::mutex mutex;
std::condition_variable replied;
std::string lastReply;

void onReply(natsConnection *, natsSubscription *, natsMsg *msg, void *) { // SHAPE: event-driven
  std::lock_guard<std::mutex> lock(mutex);
  lastReply = natsMsg_GetData(msg);
  replied.notify_one(); // EVIDENCE: completed-by
  natsMsg_Destroy(msg);
}
} // namespace

std::string lookup(natsConnection *nc, const std::string &sku) { // SHAPE: messaging-request-reply
  natsSubscription *sub = nullptr;
  natsConnection_Subscribe(&sub, nc, "stock.replies", onReply, nullptr);
  natsConnection_PublishRequestString(nc, "stock.lookup", "stock.replies", sku.c_str());
  std::unique_lock<std::mutex> lock(mutex);
  replied.wait(lock, [] { return !lastReply.empty(); }); // EXPECT: sync-over-queue, unbounded-reply-wait
  return lastReply;
}

std::string lookupBounded(natsConnection *nc, const std::string &sku) { // SHAPE: messaging-request-reply
  natsConnection_PublishRequestString(nc, "stock.lookup", "stock.replies", sku.c_str());
  std::unique_lock<std::mutex> lock(mutex);
  if (!replied.wait_for(lock, std::chrono::seconds(1), [] { return !lastReply.empty(); })) // EXPECT: sync-over-queue
    return {};
  return lastReply;
}
