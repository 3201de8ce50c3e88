// Minimal declarations of google-cloud-cpp Pub/Sub (google/cloud/pubsub/*.h,
// v2.x): topic.h, subscription.h, message.h, publisher.h, subscriber.h,
// ack_handler.h and the connection factories, without implementation.
// Not the real header.
#pragma once

#include "google/cloud/future.h"

#include <functional>
#include <map>
#include <memory>
#include <utility>
#include <string>

namespace google {
namespace cloud {
namespace pubsub {
inline namespace v2_31 {

class Topic {
public:
  Topic(std::string project_id, std::string topic_id);
  std::string const &project_id() const;
  std::string const &topic_id() const;
  std::string FullName() const;
};

class Subscription {
public:
  Subscription(std::string project_id, std::string subscription_id);
  std::string FullName() const;
};

class Message {
public:
  std::string const &data() const &;
  std::string const &message_id() const;
  std::map<std::string, std::string> attributes() const;
};

class MessageBuilder {
public:
  MessageBuilder();
  Message Build() &&;
  MessageBuilder &SetData(std::string data) &;
  MessageBuilder &&SetData(std::string data) &&;
  MessageBuilder &SetOrderingKey(std::string key) &;
  MessageBuilder &&SetOrderingKey(std::string key) &&;
  MessageBuilder &InsertAttribute(std::string const &key, std::string const &value) &;
  MessageBuilder &&InsertAttribute(std::string const &key, std::string const &value) &&;
  MessageBuilder &SetAttribute(std::string const &key, std::string value) &;
  MessageBuilder &&SetAttribute(std::string const &key, std::string value) &&;
};

class AckHandler {
public:
  void ack() &&;
  void nack() &&;
};

class ExactlyOnceAckHandler {
public:
  future<Status> ack() &&;
  future<Status> nack() &&;
};

struct PullResponse {
  AckHandler handler;
  Message message;
};

class PublisherConnection {};
class SubscriberConnection {};

std::shared_ptr<PublisherConnection> MakePublisherConnection(Topic topic, Options opts = {});
std::shared_ptr<SubscriberConnection> MakeSubscriberConnection(Subscription subscription, Options opts = {});

class Publisher {
public:
  explicit Publisher(std::shared_ptr<PublisherConnection> connection, Options opts = {});
  future<StatusOr<std::string>> Publish(Message m);
  void Flush();
  void ResumePublish(std::string ordering_key);
};

class Subscriber {
public:
  explicit Subscriber(std::shared_ptr<SubscriberConnection> connection, Options opts = {});
  template <typename Callable> future<Status> Subscribe(Callable &&cb, Options opts = {}) {
    std::function<void(Message, AckHandler)> f(std::forward<Callable>(cb));
    return SubscribeImpl(std::move(f), std::move(opts));
  }
  StatusOr<PullResponse> Pull(Options opts = {});

private:
  future<Status> SubscribeImpl(std::function<void(Message, AckHandler)> cb, Options opts);
};

} // namespace v2_31
} // namespace pubsub
} // namespace cloud
} // namespace google
