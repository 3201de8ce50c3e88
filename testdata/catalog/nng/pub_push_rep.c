/* EXPECT-NONE */
/* Look-alikes: PUB and PUSH sockets hand messages over, a REP socket
   answers requests, a SUB socket only listens. None waits for a reply. */
#include <nng/nng.h>
#include <nng/protocol/pipeline0/push.h>
#include <nng/protocol/pubsub0/pub.h>
#include <nng/protocol/pubsub0/sub.h>
#include <nng/protocol/reqrep0/rep.h>

#include <string.h>

void announce(const char *sku) { /* SHAPE: event-driven */
  nng_socket pub;
  nng_pub0_open(&pub);
  nng_listen(pub, "tcp://*:5556", NULL, 0);
  nng_send(pub, (void *)sku, strlen(sku) + 1, 0); /* OK: broker-request-reply */
  nng_close(pub);
}

/* A PUSH socket hands the job to the next stage of the pipeline. */
void dispatch(const char *job) { /* SHAPE: event-driven */
  nng_socket push;
  nng_push0_open(&push);
  nng_dial(push, "tcp://workers:5557", NULL, 0);
  nng_send(push, (void *)job, strlen(job) + 1, 0); /* OK: broker-request-reply */
  nng_close(push);
}

/* A responder: receive a request, send the answer, forever. */
void serve(void) { /* SHAPE: event-driven */
  nng_socket rep;
  nng_rep0_open(&rep);
  nng_listen(rep, "tcp://*:5555", NULL, 0);
  for (;;) {
    char request[128];
    size_t len = sizeof request;
    if (nng_recv(rep, request, &len, 0) != 0) /* OK: unbounded-reply-wait */
      break;
    nng_send(rep, "ok", 3, 0); /* OK: broker-request-reply */
  }
  nng_close(rep);
}
