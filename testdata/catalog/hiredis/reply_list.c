/* Redis lists as a work queue. Pushing a job and then blocking on a reply
   list is request/reply over Redis; BLPOP with timeout 0 waits forever. */
#include <hiredis/hiredis.h>

#include <stddef.h>

char *price(redisContext *c, const char *request_id, const char *sku) { /* SHAPE: messaging-request-reply */
  redisReply *r = redisCommand(c, "LPUSH pricing.requests %s:%s", request_id, sku); /* EVIDENCE: publish */
  freeReplyObject(r);
  r = redisCommand(c, "BLPOP pricing.reply:%s 0", request_id); /* EXPECT: sync-over-queue, unbounded-reply-wait; EVIDENCE: receive-after-publish */
  char *answer = r && r->type == REDIS_REPLY_ARRAY ? r->element[1]->str : NULL;
  return answer;
}

char *price_within(redisContext *c, const char *queue, const char *reply_key, const char *sku) { /* SHAPE: messaging-request-reply */
  redisReply *r = redisCommand(c, "RPUSH %s %s", queue, sku);
  freeReplyObject(r);
  r = redisCommand(c, "BRPOP %s %d", reply_key, 5); /* EXPECT: sync-over-queue */
  return r ? r->element[1]->str : NULL;
}

/* The worker: the next BLPOP is the next job, not a reply to the last push. */
void work(redisContext *c) { /* SHAPE: event-driven */
  for (;;) {
    redisReply *job = redisCommand(c, "BLPOP pricing.requests 0"); /* OK: sync-over-queue, unbounded-reply-wait */
    if (!job)
      break;
    redisReply *done = redisCommand(c, "LPUSH pricing.reply:%s %s", job->element[1]->str, "42");
    freeReplyObject(done);
    freeReplyObject(job);
  }
}

/* Streams: XADD hands over, XREAD ... BLOCK waits. */
void announce(redisContext *c, const char *sku) { /* SHAPE: event-driven */
  redisReply *r = redisCommand(c, "XADD pricing.changes * sku %s", sku); /* OK: sync-over-queue */
  freeReplyObject(r);
}

void follow(redisContext *c) { /* SHAPE: event-driven */
  while (1) {
    redisReply *r = redisCommand(c, "XREAD BLOCK 0 STREAMS pricing.changes $"); /* OK: unbounded-reply-wait */
    freeReplyObject(r);
  }
}

char *price_by_stream(redisContext *c, const char *sku) { /* SHAPE: messaging-request-reply */
  freeReplyObject(redisCommand(c, "XADD pricing.requests * sku %s", sku));
  redisReply *r = redisCommand(c, "XREAD COUNT 1 BLOCK 0 STREAMS pricing.replies $"); /* EXPECT: sync-over-queue, unbounded-reply-wait */
  return r ? r->str : NULL;
}
