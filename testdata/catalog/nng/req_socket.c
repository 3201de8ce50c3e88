/* An NNG REQ socket sends a request and reads its reply: request/reply, a
   direct dependency on the responder. Without NNG_OPT_RECVTIMEO the read
   waits forever. */
#include <nng/nng.h>
#include <nng/protocol/reqrep0/req.h>

#include <string.h>

int quote(const char *sku) { /* SHAPE: messaging-request-reply */
  nng_socket sock;
  char reply[128];
  size_t len = sizeof reply;
  nng_req0_open(&sock);
  nng_dial(sock, "tcp://pricing:5555", NULL, 0);
  nng_send(sock, (void *)sku, strlen(sku) + 1, 0); /* EXPECT: broker-request-reply; EVIDENCE: broker-request */
  int rc = nng_recv(sock, reply, &len, 0); /* EXPECT: unbounded-reply-wait */
  nng_close(sock);
  return rc;
}

int quote_with_timeout(const char *sku) { /* SHAPE: messaging-request-reply */
  nng_socket sock;
  char reply[128];
  size_t len = sizeof reply;
  nng_req0_open(&sock);
  nng_socket_set_ms(sock, NNG_OPT_RECVTIMEO, 2000);
  nng_dial(sock, "tcp://pricing:5555", NULL, 0);
  nng_send(sock, (void *)sku, strlen(sku) + 1, 0); /* EXPECT: broker-request-reply */
  int rc = nng_recv(sock, reply, &len, 0); /* OK: unbounded-reply-wait */
  nng_close(sock);
  return rc;
}

/* Setting the timeout to NNG_DURATION_INFINITE bounds nothing. */
int quote_forever(const char *sku) { /* SHAPE: messaging-request-reply */
  nng_socket sock;
  nng_msg *reply = NULL;
  nng_req0_open(&sock);
  nng_setopt_ms(sock, NNG_OPT_RECVTIMEO, NNG_DURATION_INFINITE);
  nng_send(sock, (void *)sku, strlen(sku) + 1, 0); /* EXPECT: broker-request-reply */
  int rc = nng_recvmsg(sock, &reply, 0); /* EXPECT: unbounded-reply-wait */
  nng_msg_free(reply);
  return rc;
}
