/* Flows of the billing service: three more callers of the shared helper,
 * and two callers of a second helper with the same body. */
#include "requests.h"

#include <zmq.h>

#include <stdlib.h>

void charge(void *ctx) { /* SHAPE: messaging-request-reply */
  void *socket = zmq_socket(ctx, ZMQ_REQ);
  free(ask(socket, "charge")); /* EXPECT: broker-request-reply, unbounded-reply-wait */
  zmq_close(socket);
}

void refund(void *ctx) { /* SHAPE: messaging-request-reply */
  void *socket = zmq_socket(ctx, ZMQ_REQ);
  free(ask(socket, "refund")); /* EXPECT: broker-request-reply, unbounded-reply-wait */
  zmq_close(socket);
}

void invoice(void *ctx) { /* SHAPE: messaging-request-reply */
  void *socket = zmq_socket(ctx, ZMQ_REQ);
  free(ask(socket, "invoice")); /* EXPECT: broker-request-reply, unbounded-reply-wait */
  zmq_close(socket);
}

void reserve_stock(void *ctx) { /* SHAPE: messaging-request-reply */
  void *socket = zmq_socket(ctx, ZMQ_REQ);
  free(ask_stock(socket, "sku-1")); /* EXPECT: broker-request-reply, unbounded-reply-wait */
  zmq_close(socket);
}

void release_stock(void *ctx) { /* SHAPE: messaging-request-reply */
  void *socket = zmq_socket(ctx, ZMQ_REQ);
  free(ask_stock(socket, "sku-2")); /* EXPECT: broker-request-reply, unbounded-reply-wait */
  zmq_close(socket);
}
