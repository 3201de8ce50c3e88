// Sockets held as members: their type comes from a default member
// initializer or the constructor's initializer list, and still decides
// what a send is.
#include <zmq.hpp>

#include <string>

class PricingClient {
public:
  explicit PricingClient(zmq::context_t &ctx) : ctx_(ctx), events_(ctx, zmq::socket_type::pub) {
    requests_.connect("tcp://pricing:5555");
    events_.bind("tcp://*:5556");
  }

  std::string price(const std::string &sku) { // SHAPE: messaging-request-reply
    requests_.send(zmq::buffer(sku), zmq::send_flags::none); // EXPECT: broker-request-reply
    zmq::message_t reply;
    (void)requests_.recv(reply); // EXPECT: unbounded-reply-wait
    return reply.to_string();
  }

  void priceChanged(const std::string &sku) { // SHAPE: event-driven
    events_.send(zmq::buffer(sku), zmq::send_flags::none); // OK: broker-request-reply
  }

private:
  zmq::context_t &ctx_;
  zmq::socket_t requests_{ctx_, zmq::socket_type::req};
  zmq::socket_t events_;
};

class TimedClient {
public:
  explicit TimedClient(zmq::context_t &ctx) : socket_(ctx, ZMQ_REQ) { socket_.set(zmq::sockopt::rcvtimeo, 500); }

  std::string price(const std::string &sku) { // SHAPE: messaging-request-reply
    socket_.send(zmq::buffer(sku), zmq::send_flags::none); // EXPECT: broker-request-reply
    zmq::message_t reply;
    (void)socket_.recv(reply); // OK: unbounded-reply-wait
    return reply.to_string();
  }

private:
  zmq::socket_t socket_;
};
