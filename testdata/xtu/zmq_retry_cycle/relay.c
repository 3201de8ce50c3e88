/* A relay that polls its source, sends a heartbeat downstream, and when
 * the poll found the source ready reads the message in a second function
 * that calls back here: a call cycle entered from a readiness branch. In
 * forward's own graph the receive runs where the poll found the source
 * ready, so it waits for nothing the heartbeat before it asked for. */
#include <zmq.h>

int read_next(void *from, void *to, int hops);

int forward(void *src, void *dst, int hops) { /* SHAPE: event-driven */
  zmq_pollitem_t items[] = {{src, 0, ZMQ_POLLIN, 0}};
  zmq_poll(items, 1, 1000);
  zmq_send(dst, "tick", 4, 0);
  if (items[0].revents & ZMQ_POLLIN)
    return read_next(src, dst, hops); /* OK: sync-over-queue, unbounded-reply-wait */
  return 0;
}

int read_next(void *from, void *to, int hops) { /* SHAPE: event-driven */
  char buffer[64];
  int size = zmq_recv(from, buffer, sizeof buffer, 0); /* OK: sync-over-queue */
  if (size < 0 || hops == 0)
    return size;
  return forward(from, to, hops - 1);
}

void run_relay(void *ctx) { /* SHAPE: event-driven */
  void *pull = zmq_socket(ctx, ZMQ_PULL);
  void *push = zmq_socket(ctx, ZMQ_PUSH);
  forward(pull, push, 8);
}
