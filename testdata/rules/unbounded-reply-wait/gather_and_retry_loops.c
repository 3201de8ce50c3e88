/* Loops around a bounded receive. A gather loop goes on while the receive
   succeeds and ends when it times out or fails: bounded. A retry loop goes
   on while the receive fails, asking again after each timeout: it waits as
   long as the responder is silent. */
#include <zmq.h>

#include <string.h>

static void *timed_dealer(void *ctx) {
  void *s = zmq_socket(ctx, ZMQ_DEALER);
  int ms = 500;
  zmq_setsockopt(s, ZMQ_RCVTIMEO, &ms, sizeof ms);
  return s;
}

int gather_while_received(void *ctx, char *buf, size_t size) { /* SHAPE: messaging-request-reply */
  void *s = timed_dealer(ctx);
  zmq_send(s, "survey", 6, 0); /* EVIDENCE: publish */
  int answers = 0;
  while (zmq_recv(s, buf, size, 0) >= 0) /* EXPECT: sync-over-queue; OK: unbounded-reply-wait */
    answers++;
  return answers;
}

int gather_until_failure(void *ctx, char *buf, size_t size) { /* SHAPE: messaging-request-reply */
  void *s = timed_dealer(ctx);
  zmq_send(s, "survey", 6, 0);
  int answers = 0;
  for (;;) {
    int n = zmq_recv(s, buf, size, 0); /* EXPECT: sync-over-queue; OK: unbounded-reply-wait */
    if (n < 0)
      break;
    answers++;
  }
  return answers;
}

/* Look-alike: retries the timed-out receive until an answer comes. */
int retry_until_answered(void *ctx, char *buf, size_t size) { /* SHAPE: messaging-request-reply */
  void *s = timed_dealer(ctx);
  zmq_send(s, "ask", 3, 0);
  int n = -1;
  while (n < 0)
    n = zmq_recv(s, buf, size, 0); /* EXPECT: sync-over-queue, unbounded-reply-wait */
  return n;
}
