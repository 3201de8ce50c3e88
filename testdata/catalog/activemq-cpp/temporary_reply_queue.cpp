// The JMS request/reply idiom over CMS: a temporary queue named in
// JMSReplyTo, a correlation id, then a receive on the temporary queue.
#include <cms/Session.h>

#include <memory>
#include <string>

std::string quote(cms::Session &session, const std::string &sku) { // SHAPE: messaging-request-reply
  std::unique_ptr<cms::Queue> requests(session.createQueue("pricing.requests"));
  std::unique_ptr<cms::TemporaryQueue> replies(session.createTemporaryQueue());
  std::unique_ptr<cms::MessageProducer> producer(session.createProducer(requests.get()));
  std::unique_ptr<cms::MessageConsumer> consumer(session.createConsumer(replies.get()));
  std::unique_ptr<cms::TextMessage> request(session.createTextMessage(sku));
  request->setCMSReplyTo(replies.get()); // EVIDENCE: reply-marker
  request->setCMSCorrelationID(sku);
  producer->send(request.get()); // EVIDENCE: publish
  std::unique_ptr<cms::Message> reply(consumer->receive()); // EXPECT: sync-over-queue, unbounded-reply-wait; EVIDENCE: receive-on-reply
  auto *text = dynamic_cast<cms::TextMessage *>(reply.get());
  return text ? text->getText() : std::string();
}

std::string quoteWithTimeout(cms::Session &session, cms::MessageProducer &producer, const std::string &sku) { // SHAPE: messaging-request-reply
  cms::TemporaryQueue *replies = session.createTemporaryQueue();
  cms::MessageConsumer *consumer = session.createConsumer(replies);
  cms::TextMessage *request = session.createTextMessage(sku);
  request->setCMSReplyTo(replies);
  producer.send(request);
  cms::Message *reply = consumer->receive(5000); // EXPECT: sync-over-queue; OK: unbounded-reply-wait
  return reply ? dynamic_cast<cms::TextMessage *>(reply)->getText() : std::string();
}
