/* Paho's asynchronous C client: the message-arrived callback consumes;
   sending and waiting for the send's completion is an acknowledgement. */
/* EXPECT-NONE */
#include <MQTTAsync.h>

#include <string.h>

static int on_message(void *context, char *topic, int topic_len, MQTTAsync_message *message) { /* SHAPE: event-driven */
  (void)context;
  (void)topic_len;
  MQTTAsync_freeMessage(&message);
  MQTTAsync_free(topic);
  return 1;
}

static void on_delivered(void *context, MQTTAsync_token token) {
  (void)context;
  (void)token;
}

void listen(MQTTAsync client) { /* SHAPE: event-driven */
  MQTTAsync_setCallbacks(client, NULL, NULL, on_message, on_delivered);
  MQTTAsync_subscribe(client, "pricing/price-changed", 1, NULL);
}

void announce(MQTTAsync client, char *order) { /* SHAPE: event-driven */
  MQTTAsync_message message = MQTTAsync_message_initializer;
  message.payload = order;
  message.payloadlen = (int)strlen(order);
  MQTTAsync_responseOptions options = MQTTAsync_responseOptions_initializer;
  MQTTAsync_sendMessage(client, "orders/placed", &message, &options);
  MQTTAsync_waitForCompletion(client, options.token, 5000L); /* OK: publish-then-block */
}
