/* C services wait with POSIX primitives. A semaphore posted by a NATS
 * message callback is the reply to what was just published; a condition
 * variable nothing in the program signals from a consumer is an unrelated
 * block after the publish. */
#include <nats/nats.h>
#include <pthread.h>
#include <semaphore.h>

static sem_t quote_ready;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t drained = PTHREAD_COND_INITIALIZER;

static void on_quote(natsConnection *nc, natsSubscription *sub, natsMsg *msg, void *closure) { /* SHAPE: event-driven */
  natsMsg_Destroy(msg);
  sem_post(&quote_ready); /* EVIDENCE: completed-by */
}

void listen_for_quotes(natsConnection *nc, natsSubscription **sub) { /* SHAPE: event-driven */
  natsConnection_Subscribe(sub, nc, "pricing.quotes", on_quote, NULL);
}

void quote(natsConnection *nc, const char *sku) { /* SHAPE: messaging-request-reply */
  natsConnection_PublishString(nc, "pricing.quote-requested", sku); /* EVIDENCE: publish */
  sem_wait(&quote_ready); /* EXPECT: sync-over-queue, unbounded-reply-wait */
}

void purge(natsConnection *nc) { /* SHAPE: publish-then-block */
  natsConnection_PublishString(nc, "cache.purge-requested", "all");
  pthread_mutex_lock(&lock);
  pthread_cond_wait(&drained, &lock); /* EXPECT: publish-then-block */
  pthread_mutex_unlock(&lock);
}

/* Waiting before publishing is not waiting for what was published. */
void drain_then_announce(natsConnection *nc) { /* SHAPE: event-driven */
  sem_wait(&quote_ready); /* OK: sync-over-queue, publish-then-block */
  natsConnection_PublishString(nc, "pricing.drained", "all");
}
