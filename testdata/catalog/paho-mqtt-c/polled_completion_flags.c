/* Paho C programs often wait by polling a flag that a callback sets. Who
 * sets it decides: a delivery-complete or onSuccess callback reports the
 * broker's acknowledgement of the client's own publish or disconnect (no
 * finding); a message-arrived callback reports a reply (sync-over-queue). */
#include <unistd.h>
#include <MQTTAsync.h>
#include <MQTTClient.h>

static volatile MQTTClient_deliveryToken delivered_token;
static volatile int send_done = 0;
static volatile int disconnected = 0;
static volatile int quote_arrived = 0;

void on_delivered(void *context, MQTTClient_deliveryToken dt) { delivered_token = dt; }
int on_message(void *context, char *topic, int len, MQTTClient_message *m) { /* SHAPE: event-driven */
  quote_arrived = 1;
  return 1;
}
void on_send(void *context, MQTTAsync_successData *response) { send_done = 1; }
void on_disconnect(void *context, MQTTAsync_successData *response) { disconnected = 1; }

/* Sleeps until the delivery callback reports this publish's own token. */
void publish_reading(MQTTClient client) { /* SHAPE: event-driven */
  MQTTClient_message msg = MQTTClient_message_initializer;
  MQTTClient_deliveryToken token;
  MQTTClient_setCallbacks(client, NULL, NULL, on_message, on_delivered);
  MQTTClient_publishMessage(client, "sensors.temperature-measured", &msg, &token);
  while (delivered_token != token)
    usleep(10000L); /* OK: publish-then-block */
}

/* The send's own onSuccess callback, set as an option field, raises the flag. */
void send_reading(MQTTAsync client) { /* SHAPE: event-driven */
  MQTTAsync_responseOptions opts = MQTTAsync_responseOptions_initializer;
  opts.onSuccess = on_send;
  MQTTAsync_send(client, "sensors.humidity-measured", 2, "42", 1, 0, &opts);
  while (!send_done)
    usleep(10000L); /* OK: publish-then-block */
}

/* A graceful shutdown waits for the client's own disconnect to complete. */
void publish_and_close(MQTTAsync client) { /* SHAPE: event-driven */
  MQTTAsync_disconnectOptions disc = MQTTAsync_disconnectOptions_initializer;
  MQTTAsync_send(client, "sensors.shutdown-announced", 2, "42", 1, 0, NULL);
  disc.onSuccess = on_disconnect;
  MQTTAsync_disconnect(client, &disc);
  while (!disconnected)
    usleep(10000L); /* OK: publish-then-block */
}

/* The flag is set by the message-arrived callback: this polls for the reply. */
void request_quote(MQTTClient client) { /* SHAPE: messaging-request-reply */
  MQTTClient_message msg = MQTTClient_message_initializer;
  MQTTClient_deliveryToken token;
  MQTTClient_subscribe(client, "pricing/replies", 1);
  MQTTClient_publishMessage(client, "pricing/quote-requested", &msg, &token); /* EVIDENCE: publish */
  while (!quote_arrived)
    usleep(10000L); /* EXPECT: sync-over-queue, unbounded-reply-wait */
}

/* The same poll with a deadline: still a reply-wait, but a bounded one. */
void request_quote_with_deadline(MQTTClient client) { /* SHAPE: messaging-request-reply */
  MQTTClient_message msg = MQTTClient_message_initializer;
  MQTTClient_deliveryToken token;
  int attempts = 0;
  MQTTClient_publishMessage(client, "pricing/quote-requested", &msg, &token);
  while (!quote_arrived && attempts++ < 100)
    usleep(10000L); /* EXPECT: sync-over-queue */
}
