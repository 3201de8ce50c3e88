/* FLAGS: -D_DEFAULT_SOURCE */
/* C services wait with POSIX primitives. A semaphore posted by a NATS
 * message callback is the reply to what was just published; a condition
 * variable nothing in the program signals from a consumer is an unrelated
 * block after the publish. */
#include <nats/nats.h>
#include <pthread.h>
#include <errno.h>
#include <semaphore.h>
#include <time.h>

static sem_t quote_ready;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t drained = PTHREAD_COND_INITIALIZER;
static pthread_cond_t reserved_cv = PTHREAD_COND_INITIALIZER;
static int reserved = 0;

static void on_quote(natsConnection *nc, natsSubscription *sub, natsMsg *msg, void *closure) { /* SHAPE: event-driven */
  natsMsg_Destroy(msg);
  sem_post(&quote_ready); /* EVIDENCE: completed-by */
}

static void on_reserved(natsConnection *nc, natsSubscription *sub, natsMsg *msg, void *closure) { /* SHAPE: event-driven */
  natsMsg_Destroy(msg);
  pthread_mutex_lock(&lock);
  reserved = 1;
  pthread_cond_signal(&reserved_cv);
  pthread_mutex_unlock(&lock);
}

void listen_for_quotes(natsConnection *nc, natsSubscription **sub) { /* SHAPE: event-driven */
  natsConnection_Subscribe(sub, nc, "pricing.quotes", on_quote, NULL);
  natsConnection_Subscribe(sub, nc, "inventory.reservations", on_reserved, NULL);
}

/* Waits for the reservation until an absolute deadline: bounded. */
int reserve(natsConnection *nc, const char *sku) { /* SHAPE: messaging-request-reply */
  struct timespec deadline;
  int rc = 0;
  clock_gettime(CLOCK_REALTIME, &deadline);
  deadline.tv_sec += 2;
  natsConnection_PublishString(nc, "inventory.reservation-requested", sku);
  pthread_mutex_lock(&lock);
  while (!reserved && rc != ETIMEDOUT)
    rc = pthread_cond_timedwait(&reserved_cv, &lock, &deadline); /* EXPECT: sync-over-queue; OK: unbounded-reply-wait */
  pthread_mutex_unlock(&lock);
  return reserved;
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
