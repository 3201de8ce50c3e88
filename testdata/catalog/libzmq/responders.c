/* REP and ROUTER sockets answer requests: a handler that reads a request
   and sends the answer, called once per request, is a responder. The send
   answers the last request; the next receive reads the next request, not a
   reply to the answer. A DEALER follows its use: sending and then reading
   the answer on the same path is a request in disguise. */
#include <zmq.h>

#include <string.h>

static int answer_one(void *rep, char *buf, size_t size) { /* SHAPE: event-driven */
  int n = zmq_recv(rep, buf, size, 0);
  if (n < 0)
    return n;
  return zmq_send(rep, "ok", 2, 0);
}

void serve_batch(void *ctx, char *buf, size_t size) { /* SHAPE: event-driven */
  void *rep = zmq_socket(ctx, ZMQ_REP);
  zmq_bind(rep, "tcp://*:5555");
  answer_one(rep, buf, size);
  answer_one(rep, buf, size); /* OK: sync-over-queue, unbounded-reply-wait */
  zmq_close(rep);
}

static int route_one(void *router, char *buf, size_t size) { /* SHAPE: event-driven */
  char identity[256];
  int id = zmq_recv(router, identity, sizeof identity, 0);
  zmq_recv(router, buf, size, 0);
  zmq_send(router, identity, (size_t)id, ZMQ_SNDMORE);
  return zmq_send(router, "done", 4, 0);
}

void route_two(void *ctx, char *buf, size_t size) { /* SHAPE: event-driven */
  void *router = zmq_socket(ctx, ZMQ_ROUTER);
  zmq_bind(router, "tcp://*:5556");
  route_one(router, buf, size);
  route_one(router, buf, size); /* OK: sync-over-queue */
}

/* The same shape on a DEALER: the second round's receive waits for the
   answer to the first round's send. */
static int dealer_round(void *dealer, char *buf, size_t size) { /* SHAPE: event-driven */
  int n = zmq_recv(dealer, buf, size, 0);
  zmq_send(dealer, buf, (size_t)n, 0);
  return n;
}

void dealer_rounds(void *ctx, char *buf, size_t size) { /* SHAPE: messaging-request-reply */
  void *dealer = zmq_socket(ctx, ZMQ_DEALER);
  dealer_round(dealer, buf, size);
  dealer_round(dealer, buf, size); /* EXPECT: sync-over-queue, unbounded-reply-wait */
}
