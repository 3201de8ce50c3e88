// A socket type given through a named constant is that type; a proxy
// serves messages between its sockets and waits for no reply.
#include <zmq.hpp>

#include <string>

constexpr zmq::socket_type kRpcSocket = zmq::socket_type::req;

std::string price(zmq::context_t &ctx, const std::string &sku) { // SHAPE: messaging-request-reply
  zmq::socket_t socket(ctx, kRpcSocket);
  socket.connect("tcp://pricing:5555");
  socket.send(zmq::buffer(sku), zmq::send_flags::none); // EXPECT: broker-request-reply
  zmq::message_t reply;
  auto got = socket.recv(reply, zmq::recv_flags::none); // EXPECT: unbounded-reply-wait
  return got ? reply.to_string() : std::string();
}

void announce(zmq::context_t &ctx) { // SHAPE: event-driven
  const zmq::socket_type kind = zmq::socket_type::pub;
  zmq::socket_t socket(ctx, kind);
  socket.bind("tcp://*:5556");
  socket.send(zmq::str_buffer("prices.updated"), zmq::send_flags::none); // OK: broker-request-reply
}

// Announces the proxy, then forwards forever: not a wait for a reply.
void forward(zmq::context_t &ctx) { // SHAPE: event-driven
  zmq::socket_t frontend(ctx, zmq::socket_type::router);
  zmq::socket_t backend(ctx, zmq::socket_type::dealer);
  zmq::socket_t events(ctx, zmq::socket_type::pub);
  events.send(zmq::str_buffer("broker.started"), zmq::send_flags::none);
  zmq::proxy(frontend, backend); // OK: sync-over-queue, publish-then-block
}
