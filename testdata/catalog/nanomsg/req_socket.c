/* nanomsg REQ sockets: a request whose reply the next receive reads. */
#include <nanomsg/nn.h>
#include <nanomsg/pubsub.h>
#include <nanomsg/reqrep.h>

#include <string.h>

int quote(const char *sku) { /* SHAPE: messaging-request-reply */
  char reply[128];
  int s = nn_socket(AF_SP, NN_REQ);
  nn_connect(s, "tcp://pricing:5555");
  nn_send(s, sku, strlen(sku) + 1, 0); /* EXPECT: broker-request-reply; EVIDENCE: broker-request */
  int n = nn_recv(s, reply, sizeof reply, 0); /* EXPECT: unbounded-reply-wait */
  nn_close(s);
  return n;
}

int quote_with_timeout(const char *sku) { /* SHAPE: messaging-request-reply */
  char reply[128];
  int timeout_ms = 1500;
  int s = nn_socket(AF_SP, NN_REQ);
  nn_setsockopt(s, NN_SOL_SOCKET, NN_RCVTIMEO, &timeout_ms, sizeof timeout_ms);
  nn_send(s, sku, strlen(sku) + 1, 0); /* EXPECT: broker-request-reply */
  int n = nn_recv(s, reply, sizeof reply, 0); /* OK: unbounded-reply-wait */
  nn_close(s);
  return n;
}

/* A PUB socket publishes. */
void announce(const char *sku) { /* SHAPE: event-driven */
  int s = nn_socket(AF_SP, NN_PUB);
  nn_bind(s, "tcp://*:5556");
  nn_send(s, sku, strlen(sku) + 1, 0); /* OK: broker-request-reply */
  nn_close(s);
}
