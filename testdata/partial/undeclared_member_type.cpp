// A member whose type is not declared (its header is missing from the
// include path): the class is still there, and its methods are analysed.
// Clang drops the statements that use that member without a trace, so
// every method of the class is marked.
// PARTIAL
#include <zmq.hpp>

#include <string>

class PriceClient {
public:
  explicit PriceClient(zmq::context_t &ctx) : socket_(ctx, zmq::socket_type::req) {}

  std::string quote(const std::string &sku) { // SHAPE: messaging-request-reply; PARTIAL-BODY
    socket_.send(zmq::buffer(sku), zmq::send_flags::none); // EXPECT: broker-request-reply
    zmq::message_t reply;
    (void)socket_.recv(reply, zmq::recv_flags::none); // EXPECT: unbounded-reply-wait
    return reply.to_string();
  }

  // The metrics member has an unknown type: its calls are lost, the
  // request-reply on the socket is not.
  std::string quoteAndCount(const std::string &sku) { // SHAPE: messaging-request-reply; PARTIAL-BODY
    metrics_.increment("quotes");
    socket_.send(zmq::buffer(sku), zmq::send_flags::none); // EXPECT: broker-request-reply
    zmq::message_t reply;
    (void)socket_.recv(reply, zmq::recv_flags::none); // EXPECT: unbounded-reply-wait
    return reply.to_string();
  }

private:
  zmq::socket_t socket_;
  statsd::Counter metrics_;
};
