// Request/reply over SQS: the request names its reply queue in a message
// attribute, and the caller polls that queue until the answer comes.
#include <aws/sqs/SQSClient.h>
#include <aws/sqs/model/ReceiveMessageRequest.h>
#include <aws/sqs/model/SendMessageRequest.h>

#include <string>

using namespace Aws::SQS;

const char *kReplies = "https://sqs.eu-west-1.amazonaws.com/1234/pricing-replies";

std::string quote(const SQSClient &sqs, const std::string &sku) { // SHAPE: messaging-request-reply
  Model::MessageAttributeValue replyTo;
  replyTo.SetDataType("String");
  replyTo.SetStringValue(kReplies);
  Model::SendMessageRequest request;
  request.SetQueueUrl("https://sqs.eu-west-1.amazonaws.com/1234/pricing-requests");
  request.SetMessageBody(sku);
  request.AddMessageAttributes("ReplyTo", replyTo); // EVIDENCE: reply-marker
  sqs.SendMessage(request); // EVIDENCE: publish
  Model::ReceiveMessageRequest receive;
  receive.SetQueueUrl(kReplies);
  receive.SetWaitTimeSeconds(20);
  for (;;) {
    auto outcome = sqs.ReceiveMessage(receive); // EXPECT: sync-over-queue, unbounded-reply-wait; EVIDENCE: receive-on-reply
    if (outcome.IsSuccess() && !outcome.GetResult().GetMessages().empty())
      return outcome.GetResult().GetMessages().front().GetBody();
  }
}

// A long poll with an attempt limit: a reply-wait, but bounded.
std::string quoteBounded(const SQSClient &sqs, const std::string &sku) { // SHAPE: messaging-request-reply
  Model::SendMessageRequest request;
  request.SetQueueUrl("https://sqs.eu-west-1.amazonaws.com/1234/pricing-requests");
  request.SetMessageBody(sku);
  Model::MessageAttributeValue correlation;
  correlation.SetStringValue(sku);
  request.AddMessageAttributes("CorrelationId", correlation);
  sqs.SendMessage(request);
  Model::ReceiveMessageRequest receive;
  receive.SetQueueUrl(kReplies);
  receive.SetWaitTimeSeconds(10);
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto outcome = sqs.ReceiveMessage(receive); // EXPECT: sync-over-queue; OK: unbounded-reply-wait
    if (outcome.IsSuccess() && !outcome.GetResult().GetMessages().empty())
      return outcome.GetResult().GetMessages().front().GetBody();
  }
  return {};
}

// A temporary queue made for the replies of this caller.
std::string quoteTemporaryQueue(const SQSClient &sqs, const std::string &sku) { // SHAPE: messaging-request-reply
  Model::CreateQueueRequest create;
  create.SetQueueName("pricing-replies-tmp-42"); // EVIDENCE: reply-marker
  auto queue = sqs.CreateQueue(create);
  Model::SendMessageRequest request;
  request.SetQueueUrl("https://sqs.eu-west-1.amazonaws.com/1234/pricing-requests");
  request.SetMessageBody(sku);
  sqs.SendMessage(request);
  Model::ReceiveMessageRequest receive;
  receive.SetQueueUrl(queue.GetResult().GetQueueUrl());
  receive.SetWaitTimeSeconds(20);
  auto outcome = sqs.ReceiveMessage(receive); // EXPECT: sync-over-queue
  return outcome.IsSuccess() ? outcome.GetResult().GetMessages().front().GetBody() : std::string();
}
