// redis-plus-plus: pushing a job and then blocking on the reply list waits
// for an answer; blpop's default timeout (0 seconds) waits forever.
#include <sw/redis++/redis++.h>

#include <chrono>
#include <iterator>
#include <string>
#include <unordered_map>
#include <vector>

std::string price(sw::redis::Redis &redis, const std::string &sku) { // SHAPE: messaging-request-reply
  redis.lpush("pricing.requests", sku); // EVIDENCE: publish
  auto reply = redis.blpop("pricing.replies"); // EXPECT: sync-over-queue, unbounded-reply-wait
  return reply ? reply->second : std::string();
}

std::string priceWithin(sw::redis::Redis &redis, const std::string &sku) { // SHAPE: messaging-request-reply
  redis.rpush("pricing.requests", sku);
  auto reply = redis.brpop("pricing.replies", std::chrono::seconds(2)); // EXPECT: sync-over-queue
  return reply ? reply->second : std::string();
}

std::string priceZeroSeconds(sw::redis::Redis &redis, const std::string &sku) { // SHAPE: messaging-request-reply
  redis.rpush("pricing.requests", sku);
  auto reply = redis.brpop("pricing.replies", 0); // EXPECT: sync-over-queue, unbounded-reply-wait
  return reply ? reply->second : std::string();
}

// The worker: the next pop is the next job.
void work(sw::redis::Redis &redis) { // SHAPE: event-driven
  for (;;) {
    auto job = redis.blpop("pricing.requests"); // OK: sync-over-queue, unbounded-reply-wait
    if (!job)
      continue;
    redis.lpush("pricing.replies", job->second);
  }
}

void announce(sw::redis::Redis &redis, const std::string &sku) { // SHAPE: event-driven
  std::unordered_map<std::string, std::string> fields = {{"sku", sku}};
  redis.xadd("pricing.changes", "*", fields.begin(), fields.end()); // OK: sync-over-queue
  redis.publish("pricing.price-changed", sku);
}

std::string priceByStream(sw::redis::Redis &redis, const std::string &sku) { // SHAPE: messaging-request-reply
  std::unordered_map<std::string, std::string> fields = {{"sku", sku}};
  redis.xadd("pricing.requests", "*", fields.begin(), fields.end());
  std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> replies;
  redis.xread("pricing.replies", "$", std::chrono::milliseconds(0), 1, std::back_inserter(replies)); // EXPECT: sync-over-queue, unbounded-reply-wait
  return replies.empty() ? std::string() : replies.front().first;
}
