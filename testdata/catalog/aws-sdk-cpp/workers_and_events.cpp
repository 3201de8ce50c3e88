// EXPECT-NONE
// Look-alikes: a worker that receives, handles and deletes (its
// acknowledgement); an event sent to SQS and to SNS; a send whose outcome
// is awaited (the service's acknowledgement, not a reply).
#include <aws/sns/SNSClient.h>
#include <aws/sqs/SQSClient.h>

#include <string>

using namespace Aws;

void handle(const std::string &body);

// Receive, handle, delete: the DeleteMessage acknowledges the message.
void work(const SQS::SQSClient &sqs, const std::string &queueUrl, const bool &running) { // SHAPE: event-driven
  SQS::Model::ReceiveMessageRequest receive;
  receive.SetQueueUrl(queueUrl);
  receive.SetWaitTimeSeconds(20);
  while (running) {
    auto outcome = sqs.ReceiveMessage(receive); // OK: unbounded-reply-wait
    if (!outcome.IsSuccess())
      continue;
    for (const auto &message : outcome.GetResult().GetMessages()) {
      handle(message.GetBody());
      SQS::Model::DeleteMessageRequest done;
      done.SetQueueUrl(queueUrl);
      done.SetReceiptHandle(message.GetReceiptHandle());
      sqs.DeleteMessage(done);
    }
  }
}

// An event on SQS: SendMessage returns when SQS stored it.
bool orderPlaced(const SQS::SQSClient &sqs, const std::string &order) { // SHAPE: event-driven
  SQS::Model::SendMessageRequest request;
  request.SetQueueUrl("https://sqs.eu-west-1.amazonaws.com/1234/orders");
  request.SetMessageBody(order);
  return sqs.SendMessage(request).IsSuccess(); // OK: sync-over-queue
}

// The callable's future is the same acknowledgement.
bool orderPlacedCallable(const SQS::SQSClient &sqs, const std::string &order) { // SHAPE: event-driven
  SQS::Model::SendMessageRequest request;
  request.SetQueueUrl("https://sqs.eu-west-1.amazonaws.com/1234/orders");
  request.SetMessageBody(order);
  auto pending = sqs.SendMessageCallable(request);
  return pending.get().IsSuccess(); // OK: sync-over-queue, publish-then-block, unbounded-reply-wait
}

// Fan-out through SNS.
bool priceChanged(const SNS::SNSClient &sns, const std::string &sku) { // SHAPE: event-driven
  SNS::Model::PublishRequest request;
  request.SetTopicArn("arn:aws:sns:eu-west-1:1234:price-changed");
  request.SetMessage(sku);
  return sns.Publish(request).IsSuccess(); // OK: sync-over-queue, publish-then-block
}
