// The reply reaches a consumer loop running on another thread, which
// completes the promise the caller waits on.
#include <cppkafka/cppkafka.h>

#include <chrono>
#include <future>
#include <map>
#include <mutex>
#include <string>

class StockClient {
public:
  StockClient(cppkafka::BufferedProducer<std::string> &producer, cppkafka::Consumer &replies)
      : producer_(producer), replies_(replies) {}

  int reserve(const std::string &sku) { // SHAPE: messaging-request-reply
    std::future<int> reserved;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      reserved = pending_[sku].get_future();
    }
    producer_.produce(producer_.make_builder("stock.reservation-requested").payload(sku)); // EVIDENCE: publish
    return reserved.get(); // EXPECT: sync-over-queue, unbounded-reply-wait
  }

  void serveReplies() { // SHAPE: event-driven
    replies_.subscribe({"stock.reservations"});
    for (;;) {
      cppkafka::Message reply = replies_.poll();
      if (!reply || reply.get_error())
        continue;
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = pending_.find(std::string(reply.get_key()));
      if (it != pending_.end())
        it->second.set_value(1); // EVIDENCE: completed-by
    }
  }

private:
  cppkafka::BufferedProducer<std::string> &producer_;
  cppkafka::Consumer &replies_;
  std::mutex mutex_;
  std::map<std::string, std::promise<int>> pending_;
};
