// A REQ socket sends a request and must read the reply before it can send
// again: request/reply over ZeroMQ, a direct dependency on the responder.
// Without a receive timeout (or a poll with one) the caller waits forever.
#include <zmq.hpp>

#include <chrono>
#include <string>

std::string quote(zmq::context_t &ctx, const std::string &sku) { // SHAPE: messaging-request-reply
  zmq::socket_t socket(ctx, zmq::socket_type::req);
  socket.connect("tcp://pricing:5555");
  socket.send(zmq::buffer(sku), zmq::send_flags::none); // EXPECT: broker-request-reply; EVIDENCE: broker-request
  zmq::message_t reply;
  auto received = socket.recv(reply, zmq::recv_flags::none); // EXPECT: unbounded-reply-wait
  return received ? reply.to_string() : std::string();
}

std::string quoteWithTimeout(zmq::context_t &ctx, const std::string &sku) { // SHAPE: messaging-request-reply
  zmq::socket_t socket(ctx, ZMQ_REQ);
  socket.set(zmq::sockopt::rcvtimeo, 2000);
  socket.connect("tcp://pricing:5555");
  socket.send(zmq::buffer(sku), zmq::send_flags::none); // EXPECT: broker-request-reply
  zmq::message_t reply;
  if (!socket.recv(reply)) // OK: unbounded-reply-wait
    return {};
  return reply.to_string();
}

// The Lazy Pirate way: poll with a timeout before reading the reply.
std::string quotePolled(zmq::context_t &ctx, const std::string &sku) { // SHAPE: messaging-request-reply
  zmq::socket_t socket(ctx, zmq::socket_type::req);
  socket.connect("tcp://pricing:5555");
  socket.send(zmq::buffer(sku), zmq::send_flags::none); // EXPECT: broker-request-reply
  zmq::pollitem_t items[] = {{socket.handle(), 0, ZMQ_POLLIN, 0}};
  zmq::poll(items, 1, std::chrono::milliseconds(2500));
  zmq::message_t reply;
  if (items[0].revents & ZMQ_POLLIN && socket.recv(reply)) // OK: unbounded-reply-wait
    return reply.to_string();
  return {};
}

// A poll without a timeout bounds nothing.
std::string quotePolledForever(zmq::context_t &ctx, const std::string &sku) { // SHAPE: messaging-request-reply
  zmq::socket_t socket(ctx, zmq::socket_type::req);
  socket.send(zmq::buffer(sku), zmq::send_flags::none); // EXPECT: broker-request-reply
  zmq::pollitem_t items[] = {{socket.handle(), 0, ZMQ_POLLIN, 0}};
  zmq::poll(items, 1);
  zmq::message_t reply;
  (void)socket.recv(reply); // EXPECT: unbounded-reply-wait
  return reply.to_string();
}

// Multipart: the frames flagged "more" are one request with the last frame.
std::string quoteMultipart(zmq::context_t &ctx, const std::string &sku) { // SHAPE: messaging-request-reply
  zmq::socket_t socket(ctx, zmq::socket_type::req);
  socket.set(zmq::sockopt::rcvtimeo, 1000);
  socket.send(zmq::str_buffer("quote"), zmq::send_flags::sndmore); // OK: broker-request-reply
  socket.send(zmq::buffer(sku), zmq::send_flags::none);           // EXPECT: broker-request-reply
  zmq::message_t reply;
  (void)socket.recv(reply);
  return reply.to_string();
}
