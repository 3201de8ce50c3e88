/* Two helpers with the same body: two root causes, never one group. */
#include "requests.h"

#include <zmq.h>

#include <string.h>

static char *read_reply(int size, char *buffer) {
  if (size < 0)
    return NULL;
  buffer[size] = '\0';
  return strdup(buffer);
}

/* The helper's own flow reports the unbounded wait too, with the same
 * evidence: one more member of the same root cause. */
char *ask(void *socket, const char *request) { /* SHAPE: messaging-request-reply */
  char buffer[256];
  zmq_send(socket, request, strlen(request), 0);
  return read_reply(zmq_recv(socket, buffer, 255, 0), buffer); /* EXPECT: unbounded-reply-wait */
}

char *ask_stock(void *socket, const char *sku) { /* SHAPE: messaging-request-reply */
  char buffer[256];
  zmq_send(socket, sku, strlen(sku), 0);
  return read_reply(zmq_recv(socket, buffer, 255, 0), buffer); /* EXPECT: unbounded-reply-wait */
}
