#pragma once

#include <librdkafka/rdkafkacpp.h>

namespace orders {

struct Context {
  RdKafka::Producer *producer;
  RdKafka::KafkaConsumer *consumer;
};

void dispatch(Context &ctx, int step);
void placeOrder(Context &ctx, int step);
void awaitConfirmation(Context &ctx, int step);

} // namespace orders
