// Sockets held through smart pointers, made by factories or in methods other
// than the constructor: the type given where the socket is made still
// decides what a send is. A type chosen at run time leaves it open: the
// finding says so, at note level.
#include <zmq.hpp>

#include <memory>
#include <string>

class ReconnectingClient {
public:
  explicit ReconnectingClient(zmq::context_t &ctx) : ctx_(ctx) { reconnect(); }

  void reconnect() {
    sock_ = std::make_unique<zmq::socket_t>(ctx_, zmq::socket_type::req);
    sock_->connect("tcp://pricing:5555");
  }

  std::string price(const std::string &sku) { // SHAPE: messaging-request-reply
    sock_->send(zmq::buffer(sku), zmq::send_flags::none); // EXPECT: broker-request-reply; OK: sync-over-queue
    zmq::message_t reply;
    (void)sock_->recv(reply); // EXPECT: unbounded-reply-wait
    return reply.to_string();
  }

private:
  zmq::context_t &ctx_;
  std::unique_ptr<zmq::socket_t> sock_;
};

// A factory returning a pointer.
zmq::socket_t *makeRequester(zmq::context_t &ctx) { return new zmq::socket_t(ctx, ZMQ_REQ); }

std::string askOnce(zmq::context_t &ctx, const std::string &sku) { // SHAPE: messaging-request-reply
  std::unique_ptr<zmq::socket_t> sock(makeRequester(ctx));
  sock->send(zmq::buffer(sku), zmq::send_flags::none); // EXPECT: broker-request-reply; OK: sync-over-queue
  zmq::message_t reply;
  (void)sock->recv(reply); // EXPECT: unbounded-reply-wait
  return reply.to_string();
}

// The C handle owned by a std::unique_ptr with a deleter.
class OwnedHandleClient {
public:
  explicit OwnedHandleClient(void *ctx) : sock_(zmq_socket(ctx, ZMQ_REQ), zmq_close) {}

  int ask(const std::string &q, char *out, size_t size) { // SHAPE: messaging-request-reply
    zmq_send(sock_.get(), q.data(), q.size(), 0); // EXPECT: broker-request-reply; OK: sync-over-queue
    return zmq_recv(sock_.get(), out, size, 0);   // EXPECT: unbounded-reply-wait
  }

private:
  std::unique_ptr<void, int (*)(void *)> sock_;
};

// The type comes from configuration.
class ConfiguredLink {
public:
  ConfiguredLink(zmq::context_t &ctx, int type) { sock_ = std::make_unique<zmq::socket_t>(ctx, type); }

  std::string exchange(const std::string &frame) { // SHAPE: messaging-request-reply
    sock_->send(zmq::buffer(frame), zmq::send_flags::none); // EVIDENCE: publish
    zmq::message_t reply;
    (void)sock_->recv(reply); // EXPECT: sync-over-queue, unbounded-reply-wait
    return reply.to_string();
  }

private:
  std::unique_ptr<zmq::socket_t> sock_;
};

// Look-alike: a PUB socket made the same way hands messages over.
class Announcer {
public:
  explicit Announcer(zmq::context_t &ctx) { sock_.reset(new zmq::socket_t(ctx, zmq::socket_type::pub)); }

  void announce(const std::string &sku) { // SHAPE: event-driven
    sock_->send(zmq::buffer(sku), zmq::send_flags::none); // OK: broker-request-reply
  }

private:
  std::unique_ptr<zmq::socket_t> sock_;
};
