/* Clients and a broker sharing the string helpers. */
#include "helpers.h"

/* A REQ socket through the helpers: the request is reported where it is
 * made, and its reply is read with no receive timeout. */
void ask_price(void *ctx) { /* SHAPE: messaging-request-reply */
  void *requester = zmq_socket(ctx, ZMQ_REQ);
  zmq_connect(requester, "tcp://pricing:5559");
  s_send(requester, "sku-42"); /* EXPECT: broker-request-reply */
  char *reply = s_recv(requester); /* EXPECT: unbounded-reply-wait */
  free(reply);
  zmq_close(requester);
}

/* The same request with a receive timeout on this socket: bounded, though
 * another client's socket through the same helper has none. */
void ask_price_bounded(void *ctx) { /* SHAPE: messaging-request-reply */
  void *requester = zmq_socket(ctx, ZMQ_REQ);
  int timeout = 2500;
  zmq_setsockopt(requester, ZMQ_RCVTIMEO, &timeout, sizeof timeout);
  s_send(requester, "sku-42"); /* EXPECT: broker-request-reply */
  char *reply = s_recv(requester); /* OK: unbounded-reply-wait */
  free(reply);
  zmq_close(requester);
}

/* A subscriber synchronising with a REQ handshake: the SUB socket is read
 * through the same helper and stays a subscription. */
void subscribe_after_sync(void *ctx) { /* SHAPE: messaging-request-reply */
  void *subscriber = zmq_socket(ctx, ZMQ_SUB);
  zmq_setsockopt(subscriber, ZMQ_SUBSCRIBE, "", 0);
  void *sync = zmq_socket(ctx, ZMQ_REQ);
  s_send(sync, ""); /* EXPECT: broker-request-reply */
  free(s_recv(sync)); /* EXPECT: unbounded-reply-wait */
  for (int n = 0; n < 100; n++) {
    char *update = s_recv(subscriber); /* OK: sync-over-queue, unbounded-reply-wait */
    free(update);
  }
}

/* A request whose reply is never read waits for nothing. */
void fire_request(void *ctx) { /* SHAPE: messaging-request-reply */
  void *requester = zmq_socket(ctx, ZMQ_REQ);
  s_send(requester, "ping"); /* EXPECT: broker-request-reply; OK: unbounded-reply-wait */
  zmq_close(requester);
}

/* A ROUTER/DEALER broker: the poll blocks, the receives it found ready do
 * not, and nothing it forwards is a request of its own. */
void broker(void *ctx) { /* SHAPE: event-driven */
  void *frontend = zmq_socket(ctx, ZMQ_ROUTER);
  void *backend = zmq_socket(ctx, ZMQ_DEALER);
  zmq_pollitem_t items[] = {{frontend, 0, ZMQ_POLLIN, 0}, {backend, 0, ZMQ_POLLIN, 0}};
  while (1) {
    zmq_poll(items, 2, -1);
    if (items[0].revents & ZMQ_POLLIN) {
      char *request = s_recv(frontend);
      s_send(backend, request);
      free(request);
    }
    if (items[1].revents & ZMQ_POLLIN) {
      char *reply = s_recv(backend); /* OK: sync-over-queue, unbounded-reply-wait */
      s_send(frontend, reply);
      free(reply);
    }
  }
}

/* A gateway that forwards and then reads the answer in the same readiness
 * branch: the poll said the frontend was ready, not the backend's reply. */
void gateway(void *ctx) { /* SHAPE: messaging-request-reply */
  void *frontend = zmq_socket(ctx, ZMQ_ROUTER);
  void *backend = zmq_socket(ctx, ZMQ_DEALER);
  zmq_pollitem_t items[] = {{frontend, 0, ZMQ_POLLIN, 0}};
  while (1) {
    zmq_poll(items, 1, -1);
    if (items[0].revents & ZMQ_POLLIN) {
      char *request = s_recv(frontend);
      s_send(backend, request);
      char *answer = s_recv(backend); /* EXPECT: sync-over-queue, unbounded-reply-wait */
      s_send(frontend, answer);
      free(request);
      free(answer);
    }
  }
}
