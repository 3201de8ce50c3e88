/* EXPECT-NONE */
/* Look-alikes: plain MQTT events, a user property, a listener tool that
   only reads, and a publisher that flushes its own publishes. */
#include <mosquitto.h>
#include <mqtt_protocol.h>

#include <stdbool.h>
#include <string.h>
#include <unistd.h>

/* An event with a user property: no reply path. */
void price_changed(struct mosquitto *mosq, const char *sku) { /* SHAPE: event-driven */
  mosquitto_property *props = NULL;
  mosquitto_property_add_string_pair(&props, MQTT_PROP_USER_PROPERTY, "source", "catalog");
  mosquitto_publish_v5(mosq, NULL, "pricing/price-changed", (int)strlen(sku), sku, 1, false, props); /* OK: sync-over-queue */
  mosquitto_property_free_all(&props);
}

/* Publishing in a paced loop. */
void heartbeat(struct mosquitto *mosq, volatile bool *running) { /* SHAPE: event-driven */
  while (*running) {
    mosquitto_publish(mosq, NULL, "fleet/heartbeat", 2, "ok", 0, false);
    sleep(1); /* OK: publish-then-block */
  }
}

/* A listener: it reads messages and sends nothing. */
int dump_one(void) { /* SHAPE: event-driven */
  struct mosquitto_message *msg = NULL;
  int rc = mosquitto_subscribe_simple(&msg, 1, true, "fleet/#", 0, "broker", 1883, NULL, 60, true, NULL, NULL, NULL, NULL); /* OK: unbounded-reply-wait */
  mosquitto_message_free(&msg);
  return rc;
}

static void on_status(struct mosquitto *mosq, void *user, const struct mosquitto_message *msg) { /* SHAPE: event-driven */
  (void)user;
  mosquitto_publish(mosq, NULL, "fleet/status-seen", msg->payloadlen, msg->payload, 0, false);
}

/* Announce, then serve callbacks until disconnected: a consumer, not a reply-wait. */
int serve(struct mosquitto *mosq) { /* SHAPE: event-driven */
  mosquitto_message_callback_set(mosq, on_status);
  mosquitto_subscribe(mosq, NULL, "fleet/status", 1);
  mosquitto_publish(mosq, NULL, "fleet/online", 3, "yes", 1, true);
  return mosquitto_loop_forever(mosq, -1, 1); /* OK: publish-then-block, unbounded-reply-wait */
}
