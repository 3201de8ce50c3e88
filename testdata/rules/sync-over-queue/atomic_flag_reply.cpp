// A std::atomic flag is a completion like a promise: a message callback
// that sets it answers whoever waits on it (atomic::wait, or a spin that
// yields), and a delivery-report callback that sets it only acknowledges.
#include <librdkafka/rdkafkacpp.h>

#include <atomic>
#include <string>
#include <thread>

class DoorClient : public RdKafka::ConsumeCb, public RdKafka::DeliveryReportCb {
public:
  void consume_cb(RdKafka::Message &, void *) override { // SHAPE: event-driven
    unlocked_.store(true);
    unlocked_.notify_all();
  }
  void dr_cb(RdKafka::Message &) override { delivered_ = true; }

  void unlock(RdKafka::Producer *producer, const std::string &door) { // SHAPE: messaging-request-reply
    producer->produce("doors.unlock-requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                      const_cast<char *>(door.data()), door.size(), nullptr, 0, 0, nullptr);
    unlocked_.wait(false); // EXPECT: sync-over-queue, unbounded-reply-wait
  }

  void unlockSpinning(RdKafka::Producer *producer, const std::string &door) { // SHAPE: messaging-request-reply
    producer->produce("doors.unlock-requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                      const_cast<char *>(door.data()), door.size(), nullptr, 0, 0, nullptr);
    while (!unlocked_)
      std::this_thread::yield(); // EXPECT: sync-over-queue, unbounded-reply-wait
  }

  // Spins until the delivery report of its own message: an acknowledgement.
  void announce(RdKafka::Producer *producer, const std::string &door) { // SHAPE: event-driven
    delivered_ = false;
    producer->produce("doors.opened", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                      const_cast<char *>(door.data()), door.size(), nullptr, 0, 0, nullptr);
    while (!delivered_) {
      producer->poll(10);
      std::this_thread::yield(); // OK: publish-then-block, sync-over-queue
    }
  }

private:
  std::atomic<bool> unlocked_{false};
  std::atomic<bool> delivered_{false};
};
