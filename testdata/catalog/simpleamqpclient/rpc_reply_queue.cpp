// RPC with SimpleAmqpClient: a server-named reply queue, a consumer on it,
// a request that names it in reply_to, then a wait for the consumer's next
// delivery.
#include <SimpleAmqpClient/SimpleAmqpClient.h>

#include <string>

std::string reserve(AmqpClient::Channel::ptr_t channel, const std::string &order) { // SHAPE: messaging-request-reply
  std::string replyQueue = channel->DeclareQueue("");
  std::string consumer = channel->BasicConsume(replyQueue);
  AmqpClient::BasicMessage::ptr_t request = AmqpClient::BasicMessage::Create(order);
  request->ReplyTo(replyQueue); // EVIDENCE: reply-marker
  request->CorrelationId(order);
  channel->BasicPublish("", "inventory.reservation-requested", request); // EVIDENCE: publish
  AmqpClient::Envelope::ptr_t reply = channel->BasicConsumeMessage(consumer); // EXPECT: sync-over-queue, unbounded-reply-wait; EVIDENCE: receive-on-reply
  return reply->Message()->Body();
}

std::string reserveWithin(AmqpClient::Channel::ptr_t channel, const std::string &order) { // SHAPE: messaging-request-reply
  std::string replyQueue = channel->DeclareQueue("");
  std::string consumer = channel->BasicConsume(replyQueue);
  AmqpClient::BasicMessage::ptr_t request = AmqpClient::BasicMessage::Create(order);
  request->ReplyTo(replyQueue);
  channel->BasicPublish("", "inventory.reservation-requested", request);
  AmqpClient::Envelope::ptr_t reply;
  if (!channel->BasicConsumeMessage(consumer, reply, 5000)) // EXPECT: sync-over-queue; OK: unbounded-reply-wait; EVIDENCE: receive-on-reply
    return {};
  return reply->Message()->Body();
}

// The timeout parameter defaults to -1: wait forever.
std::string reserveDefaultTimeout(AmqpClient::Channel::ptr_t channel, const std::string &order) { // SHAPE: messaging-request-reply
  std::string consumer = channel->BasicConsume("inventory.replies.shop-1");
  AmqpClient::BasicMessage::ptr_t request = AmqpClient::BasicMessage::Create(order);
  request->ReplyTo("inventory.replies.shop-1");
  channel->BasicPublish("", "inventory.reservation-requested", request);
  AmqpClient::Envelope::ptr_t reply;
  channel->BasicConsumeMessage(reply); // EXPECT: sync-over-queue, unbounded-reply-wait; EVIDENCE: receive-on-reply
  return reply->Message()->Body();
}
