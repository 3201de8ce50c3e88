// A recursive teardown with no interaction anywhere in it (a tree of
// buffers freed node by node, as librdkafka's op and queue teardown is):
// the link passes its calls, as calls with no body, instead of placing its
// functions in each other's graphs. Between a publish and a receive it
// hides nothing; before the publish it makes no reply-wait either.
#include "orders.h"

namespace orders {

struct Buffer {
  Buffer *left = nullptr;
  Buffer *right = nullptr;
};

void releaseTree(Buffer *node);

void releaseChildren(Buffer *node) {
  if (!node)
    return;
  releaseTree(node->left);
  releaseTree(node->right);
}

void releaseTree(Buffer *node) {
  if (!node)
    return;
  releaseChildren(node);
  delete node;
}

void requestThenRelease(Context &ctx, Buffer *scratch) { // SHAPE: messaging-request-reply
  static const char body[] = "price";
  ctx.producer->produce("price.requested", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, // EVIDENCE: publish
                        const_cast<char *>(body), sizeof body - 1, nullptr, 0, 0, nullptr, nullptr);
  releaseTree(scratch);
  RdKafka::Message *reply = ctx.consumer->consume(1000); // EXPECT: sync-over-queue; EVIDENCE: receive-after-publish
  delete reply;
}

void consumeThenPublish(Context &ctx, Buffer *scratch) { // SHAPE: event-driven
  RdKafka::Message *message = ctx.consumer->consume(1000); // OK: sync-over-queue
  delete message;
  releaseTree(scratch);
  static const char body[] = "seen";
  ctx.producer->produce("message.seen", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                        const_cast<char *>(body), sizeof body - 1, nullptr, 0, 0, nullptr, nullptr);
}

} // namespace orders
