// A DEALER socket is asynchronous, but sending and then blocking on the
// answer on the same path makes it a request/reply in disguise.
#include <zmq.hpp>

#include <string>

std::string price(zmq::context_t &ctx, const std::string &sku) { // SHAPE: messaging-request-reply
  zmq::socket_t socket(ctx, zmq::socket_type::dealer);
  socket.connect("tcp://pricing:5555");
  socket.send(zmq::buffer(sku), zmq::send_flags::none); // EVIDENCE: publish
  zmq::message_t reply;
  (void)socket.recv(reply); // EXPECT: sync-over-queue, unbounded-reply-wait; EVIDENCE: receive-after-publish
  return reply.to_string();
}

std::string priceNonBlocking(zmq::context_t &ctx, const std::string &sku) { // SHAPE: messaging-request-reply
  zmq::socket_t socket(ctx, zmq::socket_type::dealer);
  socket.send(zmq::buffer(sku), zmq::send_flags::none);
  zmq::message_t reply;
  (void)socket.recv(reply, zmq::recv_flags::dontwait); // EXPECT: sync-over-queue
  return reply.to_string();
}
