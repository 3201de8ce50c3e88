// Futures kept in a container are the futures put into it: who completes
// them still decides between an acknowledgement and a reply.
#include <librdkafka/rdkafkacpp.h>

#include <deque>
#include <future>
#include <mutex>
#include <string>
#include <vector>

class Confirmations : public RdKafka::DeliveryReportCb {
public:
  void dr_cb(RdKafka::Message &m) override {
    std::lock_guard<std::mutex> lock(mu_);
    pending_.front().set_value(m.err() == RdKafka::ERR_NO_ERROR);
    pending_.pop_front();
  }
  std::future<bool> expect() {
    std::lock_guard<std::mutex> lock(mu_);
    pending_.emplace_back();
    return pending_.back().get_future();
  }

private:
  std::mutex mu_;
  std::deque<std::promise<bool>> pending_;
};

class Answers : public RdKafka::ConsumeCb {
public:
  void consume_cb(RdKafka::Message &, void *) override { // SHAPE: event-driven
    std::lock_guard<std::mutex> lock(mu_);
    waiting_.front().set_value("ok");
    waiting_.pop_front();
  }
  std::future<std::string> expect() {
    std::lock_guard<std::mutex> lock(mu_);
    waiting_.emplace_back();
    return waiting_.back().get_future();
  }

private:
  std::mutex mu_;
  std::deque<std::promise<std::string>> waiting_;
};

// Waits for the delivery reports of its own messages: acknowledgements.
bool recordAll(RdKafka::Producer *producer, Confirmations &confirms, const std::vector<std::string> &samples) { // SHAPE: event-driven
  std::vector<std::future<bool>> acks;
  for (const std::string &s : samples) {
    acks.push_back(confirms.expect());
    producer->produce("sensor.sample-recorded", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                      const_cast<char *>(s.data()), s.size(), nullptr, 0, 0, nullptr, nullptr);
  }
  bool all = true;
  for (auto &ack : acks)
    all = ack.get() && all; // OK: publish-then-block, sync-over-queue
  return all;
}

// Waits for answers a consumer delivers: replies.
std::vector<std::string> askAll(RdKafka::Producer *producer, Answers &answers, const std::vector<std::string> &questions) { // SHAPE: messaging-request-reply
  std::vector<std::future<std::string>> replies;
  for (const std::string &q : questions) {
    replies.push_back(answers.expect());
    producer->produce("quiz.question-asked", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                      const_cast<char *>(q.data()), q.size(), nullptr, 0, 0, nullptr, nullptr);
  }
  std::vector<std::string> out;
  for (auto &reply : replies)
    out.push_back(reply.get()); // EXPECT: sync-over-queue, unbounded-reply-wait
  return out;
}
