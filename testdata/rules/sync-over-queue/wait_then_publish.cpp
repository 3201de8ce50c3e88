// The wait comes before the publish: nothing waits for the published message.
// EXPECT-NONE
#include <librdkafka/rdkafkacpp.h>

#include <condition_variable>
#include <mutex>
#include <string>

class Batcher {
public:
  void flushWhenReady() { // SHAPE: event-driven
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [this] { return !batch_.empty(); }); // OK: publish-then-block
    producer_->produce("batches.closed", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                       const_cast<char *>(batch_.data()), batch_.size(), nullptr, 0, 0, nullptr, nullptr);
  }

private:
  RdKafka::Producer *producer_ = nullptr;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::string batch_;
};
