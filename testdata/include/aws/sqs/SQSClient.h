// Minimal declarations of the AWS SDK for C++ SQS client (aws/sqs/SQSClient.h
// and aws/sqs/model/*.h; SDK 1.11), without implementation. Request setters
// are templates in the real SDK (SetQueueUrl(QueueUrlT&&)); plain overloads
// here. Not the real header.
#pragma once

#include <aws/core/Aws.h>

namespace Aws {
namespace SQS {
enum class SQSErrors { QUEUE_DOES_NOT_EXIST };

namespace Model {
class MessageAttributeValue {
public:
  void SetStringValue(const Aws::String &value);
  MessageAttributeValue &WithStringValue(const Aws::String &value);
  void SetDataType(const Aws::String &value);
  MessageAttributeValue &WithDataType(const Aws::String &value);
  const Aws::String &GetStringValue() const;
};

class Message {
public:
  const Aws::String &GetBody() const;
  const Aws::String &GetReceiptHandle() const;
  const Aws::Map<Aws::String, MessageAttributeValue> &GetMessageAttributes() const;
};

class SendMessageRequest {
public:
  void SetQueueUrl(const Aws::String &value);
  SendMessageRequest &WithQueueUrl(const Aws::String &value);
  void SetMessageBody(const Aws::String &value);
  SendMessageRequest &WithMessageBody(const Aws::String &value);
  void SetMessageGroupId(const Aws::String &value);
  SendMessageRequest &AddMessageAttributes(const Aws::String &key, const MessageAttributeValue &value);
};
class SendMessageResult {
public:
  const Aws::String &GetMessageId() const;
};

class ReceiveMessageRequest {
public:
  void SetQueueUrl(const Aws::String &value);
  ReceiveMessageRequest &WithQueueUrl(const Aws::String &value);
  void SetMaxNumberOfMessages(int value);
  ReceiveMessageRequest &WithMaxNumberOfMessages(int value);
  void SetWaitTimeSeconds(int value);
  ReceiveMessageRequest &WithWaitTimeSeconds(int value);
  void SetMessageAttributeNames(const Aws::Vector<Aws::String> &value);
};
class ReceiveMessageResult {
public:
  const Aws::Vector<Message> &GetMessages() const;
};

class DeleteMessageRequest {
public:
  void SetQueueUrl(const Aws::String &value);
  DeleteMessageRequest &WithQueueUrl(const Aws::String &value);
  void SetReceiptHandle(const Aws::String &value);
  DeleteMessageRequest &WithReceiptHandle(const Aws::String &value);
};
class DeleteMessageResult {};

class CreateQueueRequest {
public:
  void SetQueueName(const Aws::String &value);
  CreateQueueRequest &WithQueueName(const Aws::String &value);
};
class CreateQueueResult {
public:
  const Aws::String &GetQueueUrl() const;
};

using SQSError = Aws::Client::AWSError<SQSErrors>;
using SendMessageOutcome = Aws::Utils::Outcome<SendMessageResult, SQSError>;
using ReceiveMessageOutcome = Aws::Utils::Outcome<ReceiveMessageResult, SQSError>;
using DeleteMessageOutcome = Aws::Utils::Outcome<DeleteMessageResult, SQSError>;
using CreateQueueOutcome = Aws::Utils::Outcome<CreateQueueResult, SQSError>;
using SendMessageOutcomeCallable = std::future<SendMessageOutcome>;
} // namespace Model

class SQSClient;
using SendMessageResponseReceivedHandler =
    std::function<void(const SQSClient *, const Model::SendMessageRequest &, const Model::SendMessageOutcome &,
                       const std::shared_ptr<const Aws::Client::AsyncCallerContext> &)>;
using ReceiveMessageResponseReceivedHandler =
    std::function<void(const SQSClient *, const Model::ReceiveMessageRequest &, const Model::ReceiveMessageOutcome &,
                       const std::shared_ptr<const Aws::Client::AsyncCallerContext> &)>;

class SQSClient {
public:
  explicit SQSClient(const Aws::Client::ClientConfiguration &clientConfiguration = Aws::Client::ClientConfiguration());
  Model::SendMessageOutcome SendMessage(const Model::SendMessageRequest &request) const;
  Model::SendMessageOutcomeCallable SendMessageCallable(const Model::SendMessageRequest &request) const;
  void SendMessageAsync(const Model::SendMessageRequest &request, const SendMessageResponseReceivedHandler &handler,
                        const std::shared_ptr<const Aws::Client::AsyncCallerContext> &context = nullptr) const;
  Model::ReceiveMessageOutcome ReceiveMessage(const Model::ReceiveMessageRequest &request) const;
  void ReceiveMessageAsync(const Model::ReceiveMessageRequest &request,
                           const ReceiveMessageResponseReceivedHandler &handler,
                           const std::shared_ptr<const Aws::Client::AsyncCallerContext> &context = nullptr) const;
  Model::DeleteMessageOutcome DeleteMessage(const Model::DeleteMessageRequest &request) const;
  Model::CreateQueueOutcome CreateQueue(const Model::CreateQueueRequest &request) const;
};
} // namespace SQS
} // namespace Aws
