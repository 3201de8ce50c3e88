// The reply consumer stores the answer and notifies a condition variable
// the caller waits on after publishing the request.
#include <amqpcpp.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>

class CreditClient {
public:
  explicit CreditClient(AMQP::Channel &channel) : channel_(channel) { // SHAPE: event-driven
    channel_.consume("credit.assessments.shop-1", AMQP::noack)
        .onReceived([this](const AMQP::Message &message, uint64_t, bool) { // SHAPE: event-driven
          std::lock_guard<std::mutex> lock(mutex_);
          answer_ = std::string(message.body(), message.bodySize());
          ready_.notify_one(); // EVIDENCE: completed-by
        });
  }

  std::string assess(const std::string &customer) { // SHAPE: messaging-request-reply
    AMQP::Envelope request(customer.data(), customer.size());
    request.setReplyTo("credit.assessments.shop-1");
    channel_.publish("credit", "credit.assessment-requested", request); // EVIDENCE: publish
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [this] { return answer_.has_value(); }); // EXPECT: sync-over-queue, unbounded-reply-wait
    return *answer_;
  }

  std::optional<std::string> assessWithin(const std::string &customer) { // SHAPE: messaging-request-reply
    AMQP::Envelope request(customer.data(), customer.size());
    request.setReplyTo("credit.assessments.shop-1");
    channel_.publish("credit", "credit.assessment-requested", request);
    std::unique_lock<std::mutex> lock(mutex_);
    if (!ready_.wait_for(lock, std::chrono::seconds(2), [this] { return answer_.has_value(); })) // EXPECT: sync-over-queue; OK: unbounded-reply-wait
      return std::nullopt;
    return answer_;
  }

private:
  AMQP::Channel &channel_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::optional<std::string> answer_;
};
