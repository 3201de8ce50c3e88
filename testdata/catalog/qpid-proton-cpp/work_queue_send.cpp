// Sending from another thread goes through the connection's work queue:
// the work runs later on the container's thread, as part of the caller's
// flow. Waiting afterwards on what on_message completes waits for a reply.
#include <proton/container.hpp>
#include <proton/delivery.hpp>
#include <proton/message.hpp>
#include <proton/messaging_handler.hpp>
#include <proton/sender.hpp>
#include <proton/work_queue.hpp>

#include <future>
#include <string>

class PriceClient : public proton::messaging_handler {
public:
  void on_sender_open(proton::sender &s) override {
    sender_ = s;
    work_queue_ = &s.work_queue();
  }

  // Fire and forget: the work sends, nobody waits.
  void announce(const std::string &sku) { // SHAPE: event-driven
    work_queue_->add([=]() { sender_.send(proton::message(sku)); }); // SHAPE: event-driven; OK: sync-over-queue
  }

  std::string price(const std::string &sku) { // SHAPE: messaging-request-reply
    proton::message request(sku);
    request.reply_to("prices.replies"); // EVIDENCE: reply-marker
    auto answer = reply_.get_future();
    work_queue_->add([=]() { sender_.send(request); }); // SHAPE: event-driven
    return answer.get(); // EXPECT: sync-over-queue, unbounded-reply-wait
  }

  void on_message(proton::delivery &, proton::message &m) override { // SHAPE: event-driven
    reply_.set_value(proton::get<std::string>(m.body()));
  }

private:
  proton::sender sender_;
  proton::work_queue *work_queue_ = nullptr;
  std::promise<std::string> reply_;
};
