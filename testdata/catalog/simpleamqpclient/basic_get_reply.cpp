// The reply is fetched with BasicGet from the queue the request names, for a
// bounded number of attempts.
#include <SimpleAmqpClient/SimpleAmqpClient.h>

#include <string>
#include <thread>

std::string quote(AmqpClient::Channel::ptr_t channel, const std::string &sku) { // SHAPE: messaging-request-reply
  channel->DeclareQueue("pricing.quotes.shop-1"); // EVIDENCE: reply-marker
  AmqpClient::BasicMessage::ptr_t request = AmqpClient::BasicMessage::Create(sku);
  request->ReplyTo("pricing.quotes.shop-1"); // EVIDENCE: reply-marker
  channel->BasicPublish("pricing", "pricing.quote-requested", request);
  AmqpClient::Envelope::ptr_t reply;
  for (int attempt = 0; attempt < 10; ++attempt) {
    if (channel->BasicGet(reply, "pricing.quotes.shop-1")) // EXPECT: sync-over-queue; OK: unbounded-reply-wait; EVIDENCE: receive-on-reply
      return reply->Message()->Body();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return {};
}
