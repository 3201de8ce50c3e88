/* Flows of the order service: each opens its own REQ socket and asks
 * through the shared helper. */
#include "requests.h"

#include <zmq.h>

#include <stdlib.h>

void quote_order(void *ctx) { /* SHAPE: messaging-request-reply */
  void *socket = zmq_socket(ctx, ZMQ_REQ);
  free(ask(socket, "quote")); /* EXPECT: broker-request-reply, unbounded-reply-wait */
  zmq_close(socket);
}

void place_order(void *ctx) { /* SHAPE: messaging-request-reply */
  void *socket = zmq_socket(ctx, ZMQ_REQ);
  free(ask(socket, "place")); /* EXPECT: broker-request-reply, unbounded-reply-wait */
  zmq_close(socket);
}

void cancel_order(void *ctx) { /* SHAPE: messaging-request-reply */
  void *socket = zmq_socket(ctx, ZMQ_REQ);
  free(ask(socket, "cancel")); /* EXPECT: broker-request-reply, unbounded-reply-wait */
  zmq_close(socket);
}

/* Two call sites in one flow: each is its own finding, and the second one
 * is its own group (a group holds at most one finding per flow). */
void amend_order(void *ctx) { /* SHAPE: messaging-request-reply */
  void *socket = zmq_socket(ctx, ZMQ_REQ);
  free(ask(socket, "lock")); /* EXPECT: broker-request-reply, unbounded-reply-wait */
  free(ask(socket, "amend")); /* EXPECT: broker-request-reply, unbounded-reply-wait */
  zmq_close(socket);
}
