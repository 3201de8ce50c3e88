// AMQP-CPP MetaData: the properties of a message (include/amqpcpp/metadata.h
// at 839f74f). setReplyTo and setCorrelationID set the reply path.
#pragma once

#include <cstdint>
#include <string>

namespace AMQP {
class MetaData {
public:
  MetaData() {}
  virtual ~MetaData() {}

  void setExpiration(const std::string &value);
  void setReplyTo(const std::string &value);
  void setCorrelationID(const std::string &value);
  void setPriority(uint8_t value);
  void setDeliveryMode(uint8_t value);
  void setHeaders(const Table &value);
  void setContentType(const std::string &value);
  void setMessageID(const std::string &value);
  void setReplyTo(std::string &&value);
  void setCorrelationID(std::string &&value);
  void setReplyTo(const char *value, size_t size);
  void setCorrelationID(const char *value, size_t size);
  void setReplyTo(const char *value);
  void setCorrelationID(const char *value);
  void setPersistent(bool value = true);

  bool hasReplyTo() const;
  bool hasCorrelationID() const;
  const std::string &replyTo() const;
  const std::string &correlationID() const;
  const std::string &contentType() const;
  const std::string &messageID() const;
};
} // namespace AMQP
