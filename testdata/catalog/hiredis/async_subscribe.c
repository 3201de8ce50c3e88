/* hiredis' asynchronous API: SUBSCRIBE with a callback registers a
   consumer; PUBLISH hands a message over and moves on. */
/* EXPECT-NONE */
#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <stddef.h>

static void on_price(redisAsyncContext *ac, void *reply, void *privdata) { /* SHAPE: event-driven */
  (void)ac;
  (void)reply;
  (void)privdata;
}

void listen(redisAsyncContext *ac) { /* SHAPE: event-driven */
  redisAsyncCommand(ac, on_price, NULL, "SUBSCRIBE pricing.price-changed");
}

void announce(redisAsyncContext *ac, const char *sku) { /* SHAPE: event-driven */
  redisAsyncCommand(ac, NULL, NULL, "PUBLISH pricing.price-changed %s", sku); /* OK: sync-over-queue */
}
