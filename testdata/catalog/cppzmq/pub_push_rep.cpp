// Look-alikes of a request: the same send on PUB and PUSH sockets hands a
// message over and moves on; a REP server answers requests in a loop.
// EXPECT-NONE
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include <string>

void announce(zmq::context_t &ctx, const std::string &sku) { // SHAPE: event-driven
  zmq::socket_t socket(ctx, zmq::socket_type::pub);
  socket.bind("tcp://*:5556");
  socket.send(zmq::buffer(sku), zmq::send_flags::none); // OK: broker-request-reply, unbounded-reply-wait
}

void dispatch(zmq::context_t &ctx, const std::string &job) { // SHAPE: event-driven
  zmq::socket_t socket(ctx, ZMQ_PUSH);
  socket.connect("tcp://workers:5557");
  socket.send(zmq::buffer(job), zmq::send_flags::none); // OK: broker-request-reply
}

void dispatchMultipart(zmq::socket_t &socket, const std::string &job) { // SHAPE: event-driven
  zmq::multipart_t message;
  message.addstr("job");
  message.addstr(job);
  message.send(socket); // OK: broker-request-reply
}

// The responder: reading the next request is not a reply to the last answer.
void serve(zmq::context_t &ctx) { // SHAPE: event-driven
  zmq::socket_t socket(ctx, zmq::socket_type::rep);
  socket.bind("tcp://*:5555");
  for (;;) {
    zmq::message_t request;
    if (!socket.recv(request)) // OK: sync-over-queue
      continue;
    socket.send(zmq::str_buffer("42"), zmq::send_flags::none);
  }
}

// A pipeline stage: pull, work, push on.
void stage(zmq::context_t &ctx) { // SHAPE: event-driven
  zmq::socket_t in(ctx, zmq::socket_type::pull);
  zmq::socket_t out(ctx, zmq::socket_type::push);
  while (true) {
    zmq::message_t job;
    (void)in.recv(job); // OK: sync-over-queue
    out.send(job, zmq::send_flags::none);
  }
}
