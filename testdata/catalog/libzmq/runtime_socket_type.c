/* A socket whose type comes from configuration: what a send is (a request
   on REQ, a hand-over on PUSH or DEALER) is known only at run time. A send
   followed by a receive is then reported at note level, saying the type is
   unknown; a constant type anywhere decides as usual. */
#include <zmq.h>

#include <string.h>

struct link_opts {
  int socket_type;
  const char *endpoint;
};

struct radio_link {
  void *sock;
};

void radio_link_open(struct radio_link *l, void *ctx, struct link_opts opts) {
  l->sock = zmq_socket(ctx, opts.socket_type);
  zmq_connect(l->sock, opts.endpoint);
}

int radio_link_exchange(struct radio_link *l, const char *frame, char *out, size_t size) { /* SHAPE: messaging-request-reply */
  zmq_send(l->sock, frame, strlen(frame), 0); /* EVIDENCE: publish */
  return zmq_recv(l->sock, out, size, 0); /* EXPECT: sync-over-queue, unbounded-reply-wait */
}

/* Look-alike: the type is a constant, given where the socket is made. */
struct fixed_link {
  void *sock;
};

void fixed_link_open(struct fixed_link *l, void *ctx) { l->sock = zmq_socket(ctx, ZMQ_REQ); }

int fixed_link_exchange(struct fixed_link *l, const char *frame, char *out, size_t size) { /* SHAPE: messaging-request-reply */
  zmq_send(l->sock, frame, strlen(frame), 0); /* EXPECT: broker-request-reply; OK: sync-over-queue */
  return zmq_recv(l->sock, out, size, 0); /* EXPECT: unbounded-reply-wait */
}
