// Publishing and then sleeping, or waiting on something no consumer
// completes, blocks on an effect nothing shows to be the reply.
#include <amqpcpp.h>

#include <chrono>
#include <future>
#include <string>
#include <thread>

void requestRefund(AMQP::Channel &channel, const std::string &order) { // SHAPE: publish-then-block
  channel.publish("payments", "refund.requested", order);
  std::this_thread::sleep_for(std::chrono::seconds(2)); // EXPECT: publish-then-block; OK: sync-over-queue
}

int requestAudit(AMQP::Channel &channel, const std::string &order) { // SHAPE: publish-then-block
  std::future<int> report = std::async(std::launch::async, [] { return 42; });
  channel.publish("audit", "audit.requested", order);
  return report.get(); // EXPECT: publish-then-block; OK: sync-over-queue, unbounded-reply-wait
}
