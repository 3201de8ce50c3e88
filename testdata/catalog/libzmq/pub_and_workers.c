/* Look-alikes: the same zmq_send on PUB and PUSH sockets publishes and
   moves on; a REP responder and a PULL worker loop serve messages. */
/* EXPECT-NONE */
#include <zmq.h>

#include <string.h>

void announce(void *ctx, const char *sku) { /* SHAPE: event-driven */
  void *publisher = zmq_socket(ctx, ZMQ_PUB);
  zmq_bind(publisher, "tcp://*:5556");
  zmq_send(publisher, "price ", 6, ZMQ_SNDMORE);
  zmq_send(publisher, sku, strlen(sku), 0); /* OK: broker-request-reply */
  zmq_close(publisher);
}

void serve(void *ctx) { /* SHAPE: event-driven */
  void *responder = zmq_socket(ctx, ZMQ_REP);
  zmq_bind(responder, "tcp://*:5555");
  char buffer[64];
  for (;;) {
    zmq_recv(responder, buffer, sizeof buffer, 0); /* OK: sync-over-queue, unbounded-reply-wait */
    zmq_send(responder, "42", 2, 0);
  }
}

void work(void *ctx) { /* SHAPE: event-driven */
  void *jobs = zmq_socket(ctx, ZMQ_PULL);
  void *results = zmq_socket(ctx, ZMQ_PUSH);
  char buffer[64];
  while (1) {
    int n = zmq_recv(jobs, buffer, sizeof buffer, 0); /* OK: sync-over-queue */
    zmq_send(results, buffer, n, 0);
  }
}
