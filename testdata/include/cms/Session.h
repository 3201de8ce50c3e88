// Minimal declarations of the CMS API of ActiveMQ-CPP (cms/Session.h,
// MessageProducer.h, MessageConsumer.h, Message.h, TextMessage.h,
// Destination.h, Queue.h, TemporaryQueue.h, MessageListener.h,
// Connection.h, ConnectionFactory.h; activemq-cpp 3.9), pure virtual
// interfaces without implementation. Not the real header.
#pragma once

#include <string>

namespace cms {

class CMSException {
public:
  virtual ~CMSException();
  virtual std::string getMessage() const = 0;
};

class Destination {
public:
  virtual ~Destination();
};
class Queue : public virtual Destination {
public:
  virtual std::string getQueueName() const = 0;
};
class Topic : public virtual Destination {
public:
  virtual std::string getTopicName() const = 0;
};
class TemporaryQueue : public Queue {
public:
  virtual void destroy() = 0;
};
class TemporaryTopic : public Topic {
public:
  virtual void destroy() = 0;
};

class Message {
public:
  virtual ~Message();
  virtual void acknowledge() const = 0;
  virtual void setCMSCorrelationID(const std::string &correlationId) = 0;
  virtual std::string getCMSCorrelationID() const = 0;
  virtual void setCMSReplyTo(const Destination *destination) = 0;
  virtual const Destination *getCMSReplyTo() const = 0;
  virtual void setStringProperty(const std::string &name, const std::string &value) = 0;
};
class TextMessage : public virtual Message {
public:
  virtual std::string getText() const = 0;
  virtual void setText(const std::string &msg) = 0;
};

class MessageListener {
public:
  virtual ~MessageListener();
  virtual void onMessage(const Message *message) = 0;
};

class MessageProducer {
public:
  virtual ~MessageProducer();
  virtual void send(Message *message) = 0;
  virtual void send(Message *message, int deliveryMode, int priority, long long timeToLive) = 0;
  virtual void send(const Destination *destination, Message *message) = 0;
  virtual void send(const Destination *destination, Message *message, int deliveryMode, int priority,
                    long long timeToLive) = 0;
  virtual void close() = 0;
};

class MessageConsumer {
public:
  virtual ~MessageConsumer();
  virtual Message *receive() = 0;
  virtual Message *receive(int millisecs) = 0;
  virtual Message *receiveNoWait() = 0;
  virtual void setMessageListener(MessageListener *listener) = 0;
  virtual void close() = 0;
};

class Session {
public:
  enum AcknowledgeMode { AUTO_ACKNOWLEDGE, DUPS_OK_ACKNOWLEDGE, CLIENT_ACKNOWLEDGE, SESSION_TRANSACTED };
  virtual ~Session();
  virtual MessageConsumer *createConsumer(const Destination *destination) = 0;
  virtual MessageConsumer *createConsumer(const Destination *destination, const std::string &selector) = 0;
  virtual MessageProducer *createProducer(const Destination *destination = nullptr) = 0;
  virtual Queue *createQueue(const std::string &queueName) = 0;
  virtual Topic *createTopic(const std::string &topicName) = 0;
  virtual TemporaryQueue *createTemporaryQueue() = 0;
  virtual TemporaryTopic *createTemporaryTopic() = 0;
  virtual TextMessage *createTextMessage() = 0;
  virtual TextMessage *createTextMessage(const std::string &text) = 0;
  virtual void commit() = 0;
  virtual void close() = 0;
};

class Connection {
public:
  virtual ~Connection();
  virtual void start() = 0;
  virtual void close() = 0;
  virtual Session *createSession() = 0;
  virtual Session *createSession(Session::AcknowledgeMode ackMode) = 0;
};

class ConnectionFactory {
public:
  virtual ~ConnectionFactory();
  virtual Connection *createConnection() = 0;
  static ConnectionFactory *createCMSConnectionFactory(const std::string &brokerURI);
};

} // namespace cms
