// Loops around a bounded consume: one that a timeout ends is bounded, one
// that a timeout only makes ask again is not.
#include <SimpleAmqpClient/SimpleAmqpClient.h>

#include <optional>
#include <string>

std::optional<std::string> quoteTax(AmqpClient::Channel::ptr_t ch, const std::string &basket, const std::string &id) { // SHAPE: messaging-request-reply
  std::string replies = ch->DeclareQueue("", false, false, true, true);
  std::string tag = ch->BasicConsume(replies, "");
  AmqpClient::BasicMessage::ptr_t request = AmqpClient::BasicMessage::Create(basket);
  request->ReplyTo(replies);
  request->CorrelationId(id);
  ch->BasicPublish("", "tax.quote", request);
  AmqpClient::Envelope::ptr_t envelope;
  // Ends when a wait of 4 s brings nothing.
  while (ch->BasicConsumeMessage(tag, envelope, 4000)) { // EXPECT: sync-over-queue; OK: unbounded-reply-wait
    if (envelope->Message()->CorrelationId() == id)
      return envelope->Message()->Body();
  }
  return std::nullopt;
}

std::string quoteTaxPatiently(AmqpClient::Channel::ptr_t ch, const std::string &basket, const std::string &id) { // SHAPE: messaging-request-reply
  std::string replies = ch->DeclareQueue("", false, false, true, true);
  std::string tag = ch->BasicConsume(replies, "");
  AmqpClient::BasicMessage::ptr_t request = AmqpClient::BasicMessage::Create(basket);
  request->ReplyTo(replies);
  ch->BasicPublish("", "tax.quote", request);
  AmqpClient::Envelope::ptr_t envelope;
  // A wait of 4 s that brings nothing only starts another.
  while (!ch->BasicConsumeMessage(tag, envelope, 4000)) { // EXPECT: sync-over-queue, unbounded-reply-wait
  }
  return envelope->Message()->Body();
}
