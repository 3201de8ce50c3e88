// Publish, then wait on a condition variable that nothing shows to be the
// reply: blocked on a downstream effect all the same.
#include <librdkafka/rdkafkacpp.h>

#include <condition_variable>
#include <mutex>
#include <string>

class Reindexer {
public:
  void reindex(const std::string &index) { // SHAPE: publish-then-block
    producer_->produce("search.reindex-requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                       const_cast<char *>(index.data()), index.size(), nullptr, 0, 0, nullptr, nullptr);
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [this] { return finished_; }); // EXPECT: publish-then-block
  }

  void markFinished() {
    std::lock_guard<std::mutex> lock(mutex_);
    finished_ = true;
    done_.notify_all();
  }

private:
  RdKafka::Producer *producer_ = nullptr;
  std::mutex mutex_;
  std::condition_variable done_;
  bool finished_ = false;
};
