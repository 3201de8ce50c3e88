/* MQTT v5 request/response with libmosquitto: the request names a response
   topic, and the caller then waits for the message callback to see the
   reply. */
#include <mosquitto.h>
#include <mqtt_protocol.h>

#include <stdbool.h>
#include <string.h>
#include <unistd.h>

static volatile bool quote_ready = false;

static void on_message(struct mosquitto *mosq, void *user, const struct mosquitto_message *msg) { /* SHAPE: event-driven */
  (void)mosq;
  (void)user;
  (void)msg;
  quote_ready = true; /* EVIDENCE: completed-by */
}

int request_quote(struct mosquitto *mosq, const char *sku) { /* SHAPE: messaging-request-reply */
  mosquitto_property *props = NULL;
  mosquitto_message_callback_set(mosq, on_message);
  mosquitto_subscribe(mosq, NULL, "pricing/replies/7", 1);
  mosquitto_property_add_string(&props, MQTT_PROP_RESPONSE_TOPIC, "pricing/replies/7"); /* EVIDENCE: reply-marker */
  mosquitto_property_add_binary(&props, MQTT_PROP_CORRELATION_DATA, "7", 1);
  mosquitto_publish_v5(mosq, NULL, "pricing/quote-requested", (int)strlen(sku), sku, 1, false, props); /* EVIDENCE: publish */
  while (!quote_ready)
    usleep(1000); /* EXPECT: sync-over-queue, unbounded-reply-wait */
  mosquitto_property_free_all(&props);
  return 0;
}

/* subscribe_simple blocks until the reply comes, with no timeout at all. */
int request_quote_simple(struct mosquitto *mosq, const char *sku) { /* SHAPE: messaging-request-reply */
  mosquitto_property *props = NULL;
  struct mosquitto_message *reply = NULL;
  mosquitto_property_add_string(&props, MQTT_PROP_RESPONSE_TOPIC, "pricing/replies/8");
  mosquitto_publish_v5(mosq, NULL, "pricing/quote-requested", (int)strlen(sku), sku, 1, false, props);
  mosquitto_subscribe_simple(&reply, 1, false, "pricing/replies/8", 1, "broker", 1883, NULL, 60, true, NULL, NULL, NULL, NULL); /* EXPECT: sync-over-queue, unbounded-reply-wait; EVIDENCE: receive-on-reply */
  mosquitto_message_free(&reply);
  mosquitto_property_free_all(&props);
  return 0;
}
