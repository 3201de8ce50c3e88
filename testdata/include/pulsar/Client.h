// Minimal declarations of the Apache Pulsar C++ client (pulsar/Client.h,
// Producer.h, Consumer.h, Message.h, MessageBuilder.h, Result.h and the
// configuration classes; pulsar-client-cpp 3.x), without implementation.
// Not the real header.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace pulsar {

enum Result { ResultOk = 0, ResultUnknownError, ResultTimeout, ResultAlreadyClosed };

class MessageId {};

class Message {
public:
  const void *getData() const;
  std::size_t getLength() const;
  std::string getDataAsString() const;
  const MessageId &getMessageId() const;
  const std::string &getProperty(const std::string &name) const;
  bool hasProperty(const std::string &name) const;
};
typedef std::vector<Message> Messages;

class MessageBuilder {
public:
  MessageBuilder();
  Message build();
  MessageBuilder &setContent(const std::string &data);
  MessageBuilder &setProperty(const std::string &name, const std::string &value);
  MessageBuilder &setPartitionKey(const std::string &partitionKey);
};

typedef std::function<void(Result, const MessageId &messageId)> SendCallback;
typedef std::function<void(Result)> FlushCallback;

class Producer {
public:
  Producer();
  const std::string &getTopic() const;
  Result send(const Message &msg);
  Result send(const Message &msg, MessageId &messageId);
  void sendAsync(const Message &msg, SendCallback callback);
  Result flush();
  void flushAsync(FlushCallback callback);
  Result close();
};

class Consumer;
typedef std::function<void(Result, const Message &msg)> ReceiveCallback;
typedef std::function<void(Consumer &consumer, const Message &msg)> MessageListener;

class Consumer {
public:
  Consumer();
  const std::string &getTopic() const;
  Result receive(Message &msg);
  Result receive(Message &msg, int timeoutMs);
  void receiveAsync(ReceiveCallback callback);
  Result batchReceive(Messages &msgs);
  Result acknowledge(const Message &message);
  Result acknowledge(const MessageId &messageId);
  void negativeAcknowledge(const Message &message);
  Result close();
};

class ProducerConfiguration {
public:
  ProducerConfiguration &setSendTimeout(int sendTimeoutMs);
};

class ConsumerConfiguration {
public:
  ConsumerConfiguration &setMessageListener(MessageListener messageListener);
  ConsumerConfiguration &setConsumerType(int consumerType);
};

class ClientConfiguration {
public:
  ClientConfiguration &setOperationTimeoutSeconds(int timeout);
};

class Client {
public:
  Client(const std::string &serviceUrl);
  Client(const std::string &serviceUrl, const ClientConfiguration &clientConfiguration);
  Result createProducer(const std::string &topic, Producer &producer);
  Result createProducer(const std::string &topic, const ProducerConfiguration &conf, Producer &producer);
  Result subscribe(const std::string &topic, const std::string &subscriptionName, Consumer &consumer);
  Result subscribe(const std::string &topic, const std::string &subscriptionName, const ConsumerConfiguration &conf,
                   Consumer &consumer);
  Result close();
};

} // namespace pulsar
