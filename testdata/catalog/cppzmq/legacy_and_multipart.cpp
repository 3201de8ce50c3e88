// The deprecated cppzmq overloads (setsockopt, send(message_t&),
// recv(message_t*)) and the multipart helpers of zmq_addon.hpp say the same
// as the current API.
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include <iterator>
#include <string>
#include <vector>

std::string legacy(zmq::context_t &ctx) { // SHAPE: messaging-request-reply
  zmq::socket_t socket(ctx, ZMQ_REQ);
  int timeout = 1500;
  socket.setsockopt(ZMQ_RCVTIMEO, &timeout, sizeof timeout);
  zmq::message_t request(5);
  socket.send(request); // EXPECT: broker-request-reply
  zmq::message_t reply;
  socket.recv(&reply); // OK: unbounded-reply-wait
  return reply.to_string();
}

std::string legacyForever(zmq::context_t &ctx) { // SHAPE: messaging-request-reply
  zmq::socket_t socket(ctx, ZMQ_REQ);
  socket.setsockopt(ZMQ_RCVTIMEO, -1);
  zmq::message_t request(5);
  socket.send(request, 0); // EXPECT: broker-request-reply
  zmq::message_t reply;
  socket.recv(&reply); // EXPECT: unbounded-reply-wait
  return reply.to_string();
}

std::string multipart(zmq::context_t &ctx, const std::string &sku) { // SHAPE: messaging-request-reply
  zmq::socket_t socket(ctx, zmq::socket_type::req);
  std::vector<zmq::const_buffer> request = {zmq::str_buffer("quote"), zmq::buffer(sku)};
  zmq::send_multipart(socket, request); // EXPECT: broker-request-reply
  std::vector<zmq::message_t> reply;
  (void)zmq::recv_multipart(socket, std::back_inserter(reply)); // EXPECT: unbounded-reply-wait
  return reply.empty() ? std::string() : reply.back().to_string();
}

void announceMultipart(zmq::context_t &ctx, const std::string &sku) { // SHAPE: event-driven
  zmq::socket_t socket(ctx, zmq::socket_type::pub);
  zmq::multipart_t message;
  message.addstr("price");
  message.addstr(sku);
  message.send(socket); // OK: broker-request-reply
}
