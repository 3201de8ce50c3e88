/* libzmq's C API: a send on a REQ socket is a request; the receive that
   follows reads its reply, forever unless ZMQ_RCVTIMEO or a zmq_poll with a
   timeout bounds it. */
#include <zmq.h>

#include <string.h>

int price(void *ctx, const char *sku, char *out, size_t size) { /* SHAPE: messaging-request-reply */
  void *requester = zmq_socket(ctx, ZMQ_REQ);
  zmq_connect(requester, "tcp://pricing:5555");
  zmq_send(requester, sku, strlen(sku), 0); /* EXPECT: broker-request-reply */
  int n = zmq_recv(requester, out, size, 0); /* EXPECT: unbounded-reply-wait */
  zmq_close(requester);
  return n;
}

int price_with_timeout(void *ctx, const char *sku, char *out, size_t size) { /* SHAPE: messaging-request-reply */
  void *requester = zmq_socket(ctx, ZMQ_REQ);
  int timeout_ms = 2000;
  zmq_setsockopt(requester, ZMQ_RCVTIMEO, &timeout_ms, sizeof timeout_ms);
  zmq_send(requester, sku, strlen(sku), 0); /* EXPECT: broker-request-reply */
  int n = zmq_recv(requester, out, size, 0); /* OK: unbounded-reply-wait */
  zmq_close(requester);
  return n;
}

int price_polled(void *ctx, const char *sku, char *out, size_t size) { /* SHAPE: messaging-request-reply */
  void *requester = zmq_socket(ctx, ZMQ_REQ);
  zmq_msg_t request;
  zmq_msg_init_size(&request, strlen(sku));
  memcpy(zmq_msg_data(&request), sku, strlen(sku));
  zmq_msg_send(&request, requester, 0); /* EXPECT: broker-request-reply */
  zmq_pollitem_t items[] = {{requester, 0, ZMQ_POLLIN, 0}};
  if (zmq_poll(items, 1, 2500) <= 0)
    return -1;
  return zmq_recv(requester, out, size, 0); /* OK: unbounded-reply-wait */
}

/* A socket made once, held in a struct. */
struct pricing {
  void *socket;
};

void pricing_open(struct pricing *p, void *ctx) { p->socket = zmq_socket(ctx, ZMQ_REQ); }

int pricing_ask(struct pricing *p, const char *sku, char *out, size_t size) { /* SHAPE: messaging-request-reply */
  zmq_send(p->socket, sku, strlen(sku), 0); /* EXPECT: broker-request-reply */
  return zmq_recv(p->socket, out, size, 0); /* EXPECT: unbounded-reply-wait */
}

/* The socket type through an enumerator. */
enum { PRICING_SOCKET = ZMQ_REQ };

int price_by_enum(void *ctx, const char *sku, char *out, size_t size) { /* SHAPE: messaging-request-reply */
  void *requester = zmq_socket(ctx, PRICING_SOCKET);
  zmq_send(requester, sku, strlen(sku), 0); /* EXPECT: broker-request-reply */
  return zmq_recv(requester, out, size, 0); /* EXPECT: unbounded-reply-wait */
}
