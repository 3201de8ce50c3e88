/* String helpers every socket of the program goes through, as in the
 * ZeroMQ guide's zhelpers.h: what a send is depends on the socket each
 * caller passes, not on every socket that ever reaches the helper. */
#pragma once
#include <zmq.h>

#include <stdlib.h>
#include <string.h>

static inline char *s_recv(void *socket) { /* SHAPE: event-driven */
  char buffer[256];
  int size = zmq_recv(socket, buffer, 255, 0);
  if (size == -1)
    return NULL;
  buffer[size] = '\0';
  return strdup(buffer);
}

static inline int s_send(void *socket, const char *string) { /* SHAPE: messaging-request-reply */
  return zmq_send(socket, string, strlen(string), 0);
}
