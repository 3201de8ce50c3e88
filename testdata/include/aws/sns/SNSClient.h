// Minimal declarations of the AWS SDK for C++ SNS client (aws/sns/SNSClient.h
// and aws/sns/model/PublishRequest.h; SDK 1.11). Not the real header.
#pragma once

#include <aws/core/Aws.h>

namespace Aws {
namespace SNS {
enum class SNSErrors { NOT_FOUND };
namespace Model {
class MessageAttributeValue {
public:
  void SetStringValue(const Aws::String &value);
  void SetDataType(const Aws::String &value);
};
class PublishRequest {
public:
  void SetTopicArn(const Aws::String &value);
  PublishRequest &WithTopicArn(const Aws::String &value);
  void SetTargetArn(const Aws::String &value);
  void SetMessage(const Aws::String &value);
  PublishRequest &WithMessage(const Aws::String &value);
  PublishRequest &AddMessageAttributes(const Aws::String &key, const MessageAttributeValue &value);
};
class PublishResult {
public:
  const Aws::String &GetMessageId() const;
};
using PublishOutcome = Aws::Utils::Outcome<PublishResult, Aws::Client::AWSError<SNSErrors>>;
} // namespace Model

class SNSClient {
public:
  explicit SNSClient(const Aws::Client::ClientConfiguration &clientConfiguration = Aws::Client::ClientConfiguration());
  Model::PublishOutcome Publish(const Model::PublishRequest &request) const;
};
} // namespace SNS
} // namespace Aws
