/* Redis pub/sub: PUBLISH hands over; a subscribed connection receives with
   redisGetReply. Publishing and then reading the subscription waits for an
   answer; reading replies of one's own pipelined commands does not. */
#include <hiredis/hiredis.h>

#include <stddef.h>

void announce(redisContext *c, const char *sku) { /* SHAPE: event-driven */
  redisReply *r = redisCommand(c, "PUBLISH pricing.price-changed %s", sku); /* OK: sync-over-queue */
  freeReplyObject(r);
}

char *quote(redisContext *publisher, redisContext *subscriber, const char *sku) { /* SHAPE: messaging-request-reply */
  freeReplyObject(redisCommand(subscriber, "SUBSCRIBE pricing.quotes"));
  const char *argv[] = {"PUBLISH", "pricing.quote-requested", sku};
  freeReplyObject(redisCommandArgv(publisher, 3, argv, NULL)); /* EVIDENCE: publish */
  void *reply = NULL;
  redisGetReply(subscriber, &reply); /* EXPECT: sync-over-queue, unbounded-reply-wait */
  return reply ? ((redisReply *)reply)->element[2]->str : NULL;
}

/* Pipelining: redisGetReply reads the acknowledgement of each push. */
void announce_batch(redisContext *c, const char **skus, size_t n) { /* SHAPE: event-driven */
  for (size_t i = 0; i < n; ++i)
    redisAppendCommand(c, "RPUSH pricing.changes %s", skus[i]);
  for (size_t i = 0; i < n; ++i) {
    void *reply = NULL;
    redisGetReply(c, &reply); /* OK: publish-then-block */
    freeReplyObject(reply);
  }
}

/* A listener loop. */
void listen(redisContext *c) { /* SHAPE: event-driven */
  freeReplyObject(redisCommand(c, "SUBSCRIBE %s", "pricing.price-changed"));
  void *reply = NULL;
  while (redisGetReply(c, &reply) == REDIS_OK) /* OK: sync-over-queue */
    freeReplyObject(reply);
}
