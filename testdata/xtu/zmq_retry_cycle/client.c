/* Callers of the resend cycle: what each passes decides what the helpers'
 * send and receive are for that caller. */
#include "retry.h"

/* A REQ socket with no receive timeout: a broker request whose reply is
 * awaited forever, reported where the socket is passed. */
void ask_price(void *ctx) { /* SHAPE: messaging-request-reply */
  void *requester = zmq_socket(ctx, ZMQ_REQ);
  zmq_connect(requester, "tcp://pricing:5559");
  send_and_await(requester, "sku-42", 3); /* EXPECT: broker-request-reply, unbounded-reply-wait */
  zmq_close(requester);
}

/* The same request with a receive timeout on this socket: bounded. */
void ask_price_bounded(void *ctx) { /* SHAPE: messaging-request-reply */
  void *requester = zmq_socket(ctx, ZMQ_REQ);
  int timeout = 2500;
  zmq_setsockopt(requester, ZMQ_RCVTIMEO, &timeout, sizeof timeout);
  send_and_await(requester, "sku-42", 3); /* EXPECT: broker-request-reply; OK: unbounded-reply-wait */
  zmq_close(requester);
}

/* A DEALER socket: the send is a plain publish and the receive after it
 * waits for its answer, a finding of the helpers (they pair them). */
void ask_stock(void *ctx) { /* SHAPE: messaging-request-reply */
  void *dealer = zmq_socket(ctx, ZMQ_DEALER);
  zmq_connect(dealer, "tcp://stock:5560");
  send_and_await(dealer, "sku-42", 3); /* OK: broker-request-reply */
  zmq_close(dealer);
}
