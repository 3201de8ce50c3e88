// Work done in a constructor is part of the flow that creates the object:
// a local `T t(...)`, `new T(...)` and `std::make_unique<T>(...)` all run
// T's constructor there.
#include <zmq.hpp>

#include <memory>
#include <string>

class ReplyReader {
public:
  explicit ReplyReader(zmq::socket_t &sock) { (void)sock.recv(reply_); } // SHAPE: event-driven
  std::string text() const { return reply_.to_string(); }

private:
  zmq::message_t reply_;
};

std::string quoteLocal(zmq::context_t &ctx, const std::string &sku) { // SHAPE: messaging-request-reply
  zmq::socket_t dealer(ctx, zmq::socket_type::dealer);
  dealer.send(zmq::buffer(sku), zmq::send_flags::none); // EVIDENCE: publish
  ReplyReader reader(dealer); // EXPECT: sync-over-queue, unbounded-reply-wait
  return reader.text();
}

std::string quoteNew(zmq::context_t &ctx, const std::string &sku) { // SHAPE: messaging-request-reply
  zmq::socket_t dealer(ctx, zmq::socket_type::dealer);
  dealer.send(zmq::buffer(sku), zmq::send_flags::none);
  std::unique_ptr<ReplyReader> reader(new ReplyReader(dealer)); // EXPECT: sync-over-queue, unbounded-reply-wait
  return reader->text();
}

std::string quoteMadeUnique(zmq::context_t &ctx, const std::string &sku) { // SHAPE: messaging-request-reply
  zmq::socket_t dealer(ctx, zmq::socket_type::dealer);
  dealer.send(zmq::buffer(sku), zmq::send_flags::none);
  auto reader = std::make_unique<ReplyReader>(dealer); // EXPECT: sync-over-queue, unbounded-reply-wait
  return reader->text();
}

// Look-alikes: a constructor that does no messaging, and a copy of an
// object whose constructor already ran elsewhere.
class Label {
public:
  explicit Label(std::string text) : text_(std::move(text)) {}
  std::string text_;
};

void announce(zmq::context_t &ctx, const std::string &sku) { // SHAPE: event-driven
  zmq::socket_t dealer(ctx, zmq::socket_type::dealer);
  dealer.send(zmq::buffer(sku), zmq::send_flags::none); // OK: sync-over-queue
  Label label(sku);
  auto other = std::make_unique<Label>(label);
}
