// SimpleAmqpClient BasicMessage (src/SimpleAmqpClient/BasicMessage.h at
// d271adb): ReplyTo(value) and CorrelationId(value) set the reply path.
#ifndef SIMPLEAMQPCLIENT_BASICMESSAGE_H
#define SIMPLEAMQPCLIENT_BASICMESSAGE_H

#include <boost/cstdint.hpp>
#include <boost/make_shared.hpp>
#include <boost/shared_ptr.hpp>
#include <boost/utility.hpp>
#include <string>

#include "SimpleAmqpClient/Table.h"
#include "SimpleAmqpClient/Util.h"

namespace AmqpClient {

class SIMPLEAMQPCLIENT_EXPORT BasicMessage : boost::noncopyable {
public:
  typedef boost::shared_ptr<BasicMessage> ptr_t;
  enum delivery_mode_t { dm_notset = 0, dm_nonpersistent = 1, dm_persistent = 2 };

  static ptr_t Create() { return boost::make_shared<BasicMessage>(); }
  static ptr_t Create(const std::string &body) { return boost::make_shared<BasicMessage>(body); }
  BasicMessage();
  BasicMessage(const std::string &body);
  virtual ~BasicMessage();

  const std::string &Body() const;
  void Body(const std::string &body);
  const std::string &ContentType() const;
  void ContentType(const std::string &content_type);
  delivery_mode_t DeliveryMode() const;
  void DeliveryMode(delivery_mode_t delivery_mode);
  const std::string &CorrelationId() const;
  void CorrelationId(const std::string &correlation_id);
  bool CorrelationIdIsSet() const;
  const std::string &ReplyTo() const;
  void ReplyTo(const std::string &reply_to);
  bool ReplyToIsSet() const;
  const std::string &Expiration() const;
  void Expiration(const std::string &expiration);
  const std::string &MessageId() const;
  void MessageId(const std::string &message_id);
  const std::string &Type() const;
  void Type(const std::string &type);
  Table &HeaderTable();
  void HeaderTable(const Table &header_table);
};

} // namespace AmqpClient

#endif // SIMPLEAMQPCLIENT_BASICMESSAGE_H
