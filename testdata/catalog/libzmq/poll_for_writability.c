/* zmq_poll on items that ask only for ZMQ_POLLOUT waits until the socket
   can take a send: it is no receive, and no wait for a reply. Items that
   ask for ZMQ_POLLIN (alone or with ZMQ_POLLOUT) wait for a message. */
#include <zmq.h>

#include <string.h>

static int send_when_writable(void *sock, const char *msg) { /* SHAPE: event-driven */
  zmq_pollitem_t item;
  item.socket = sock;
  item.events = ZMQ_POLLOUT;
  for (int spent = 0; spent < 100; spent++)
    if (zmq_poll(&item, 1, 10) > 0)
      return zmq_send(sock, msg, strlen(msg), 0);
  return -1;
}

void push_two(void *ctx) { /* SHAPE: event-driven */
  void *push = zmq_socket(ctx, ZMQ_PUSH);
  send_when_writable(push, "a");
  send_when_writable(push, "b"); /* OK: sync-over-queue, unbounded-reply-wait */
}

static int send_initialized(void *sock, const char *msg) { /* SHAPE: event-driven */
  zmq_pollitem_t items[] = {{sock, 0, ZMQ_POLLOUT, 0}};
  if (zmq_poll(items, 1, 100) <= 0)
    return -1;
  return zmq_send(sock, msg, strlen(msg), 0);
}

void push_two_initialized(void *ctx) { /* SHAPE: event-driven */
  void *push = zmq_socket(ctx, ZMQ_PUSH);
  send_initialized(push, "a");
  send_initialized(push, "b"); /* OK: sync-over-queue */
}

/* Look-alike: the items ask for readability: a wait for the answer. */
int ask_dealer(void *ctx, const char *msg, char *out, size_t size) { /* SHAPE: messaging-request-reply */
  void *dealer = zmq_socket(ctx, ZMQ_DEALER);
  zmq_send(dealer, msg, strlen(msg), 0); /* EVIDENCE: publish */
  zmq_pollitem_t items[] = {{dealer, 0, ZMQ_POLLIN | ZMQ_POLLOUT, 0}};
  zmq_poll(items, 1, -1); /* EXPECT: sync-over-queue, unbounded-reply-wait */
  return zmq_recv(dealer, out, size, ZMQ_DONTWAIT);
}
