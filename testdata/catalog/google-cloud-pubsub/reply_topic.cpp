// Request/reply built over Pub/Sub: the request names a reply topic in an
// attribute, and the caller waits for the future that the reply
// subscription's callback completes.
#include <google/cloud/pubsub/publisher.h>
#include <google/cloud/pubsub/subscriber.h>

#include <string>

namespace gc = ::google::cloud;
namespace pubsub = ::google::cloud::pubsub;

class QuoteClient {
public:
  QuoteClient(pubsub::Publisher publisher, pubsub::Subscriber replies) // SHAPE: event-driven
      : publisher_(std::move(publisher)), replies_(std::move(replies)) {
    session_ = replies_.Subscribe([this](pubsub::Message const &m, pubsub::AckHandler h) { onReply(m, std::move(h)); }); // SHAPE: event-driven
  }

  std::string quote(std::string const &sku) { // SHAPE: messaging-request-reply
    auto reply = pending_.get_future();
    publisher_.Publish(pubsub::MessageBuilder{} // EVIDENCE: publish, reply-marker
                           .SetData(sku)
                           .SetAttribute("reply_to", "pricing.replies.checkout")
                           .Build());
    return reply.get(); // EXPECT: sync-over-queue, unbounded-reply-wait
  }

  // Pull: one message from the reply subscription, bounded by its RPC deadline.
  std::string quotePulled(pubsub::Subscriber replies, std::string const &sku) { // SHAPE: messaging-request-reply
    publisher_.Publish(pubsub::MessageBuilder{}.SetData(sku).SetAttribute("reply_to", "pricing.replies.checkout").Build());
    auto response = replies.Pull(); // EXPECT: sync-over-queue; OK: unbounded-reply-wait
    if (!response)
      return {};
    std::move(response->handler).ack();
    return response->message.data();
  }

private:
  void onReply(pubsub::Message const &m, pubsub::AckHandler h) {
    pending_.set_value(m.data()); // EVIDENCE: completed-by
    std::move(h).ack();
  }

  pubsub::Publisher publisher_;
  pubsub::Subscriber replies_;
  gc::future<gc::Status> session_;
  gc::promise<std::string> pending_;
};
