/* The cycle: each half names the socket differently, so what a caller
 * passes has to be bound through both bodies, call by call. */
#include "retry.h"

#include <string.h>

int send_and_await(void *sock, const char *body, int tries) { /* SHAPE: messaging-request-reply */
  zmq_send(sock, body, strlen(body), 0);
  return await_or_resend(sock, body, tries); /* EXPECT: sync-over-queue */
}

/* Entered after a send, but that send is its caller's: on its own it
 * receives, then sends (the pair closes in send_and_await). */
int await_or_resend(void *socket_, const char *text, int attempts) { /* SHAPE: event-driven */
  char buffer[64];
  int size = zmq_recv(socket_, buffer, sizeof buffer - 1, 0); /* EVIDENCE: receive-after-publish */
  if (size >= 0)
    return 0;
  if (attempts == 0)
    return -1;
  return send_and_await(socket_, text, attempts - 1); /* OK: sync-over-queue */
}
