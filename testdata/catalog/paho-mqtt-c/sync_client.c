/* Paho's synchronous C client: waiting for completion of one's own publish
   is an acknowledgement; receiving on the subscribed reply topic right
   after publishing waits for the answer. */
#include <MQTTClient.h>

#include <string.h>

void announce(MQTTClient client, char *order) { /* SHAPE: event-driven */
  MQTTClient_message message = MQTTClient_message_initializer;
  message.payload = order;
  message.payloadlen = (int)strlen(order);
  message.qos = 1;
  MQTTClient_deliveryToken token;
  MQTTClient_publishMessage(client, "orders/placed", &message, &token);
  MQTTClient_waitForCompletion(client, token, 10000L); /* OK: publish-then-block */
}

int ask_price(MQTTClient client, char *sku) { /* SHAPE: messaging-request-reply */
  MQTTClient_subscribe(client, "pricing/replies", 1);
  MQTTClient_deliveryToken token;
  MQTTClient_publish(client, "pricing/quote-requested", (int)strlen(sku), sku, 1, 0, &token); /* EVIDENCE: publish */
  MQTTClient_waitForCompletion(client, token, 10000L);
  char *topic = NULL;
  int topic_len = 0;
  MQTTClient_message *reply = NULL;
  MQTTClient_receive(client, &topic, &topic_len, &reply, 5000L); /* EXPECT: sync-over-queue; EVIDENCE: receive-after-publish */
  return reply != NULL;
}

/* MQTT v5: a response topic property marks the message as a request. */
int ask_price_v5(MQTTClient client, char *sku) { /* SHAPE: messaging-request-reply */
  MQTTProperties props = MQTTProperties_initializer;
  MQTTProperty property;
  property.identifier = MQTTPROPERTY_CODE_RESPONSE_TOPIC; /* EVIDENCE: reply-marker */
  property.value.data.data = "pricing/replies";
  property.value.data.len = (int)strlen("pricing/replies");
  MQTTProperties_add(&props, &property);
  MQTTClient_message message = MQTTClient_message_initializer;
  message.payload = sku;
  message.payloadlen = (int)strlen(sku);
  message.properties = props;
  MQTTClient_publishMessage5(client, "pricing/quote-requested", &message, NULL);
  char *topic = NULL;
  int topic_len = 0;
  MQTTClient_message *reply = NULL;
  MQTTClient_receive(client, &topic, &topic_len, &reply, 5000L); /* EXPECT: sync-over-queue */
  return reply != NULL;
}

/* A user property is no reply path. */
void tag(MQTTClient client, char *sku) { /* SHAPE: event-driven */
  MQTTProperties props = MQTTProperties_initializer;
  MQTTProperty property;
  property.identifier = MQTTPROPERTY_CODE_USER_PROPERTY; /* OK: sync-over-queue */
  MQTTProperties_add(&props, &property);
  MQTTClient_message message = MQTTClient_message_initializer;
  message.payload = sku;
  message.payloadlen = (int)strlen(sku);
  message.properties = props;
  MQTTClient_publishMessage5(client, "pricing/price-changed", &message, NULL);
}
