// SimpleAmqpClient Envelope: a delivered message (src/SimpleAmqpClient/Envelope.h
// at d271adb).
#ifndef SIMPLEAMQPCLIENT_ENVELOPE_H
#define SIMPLEAMQPCLIENT_ENVELOPE_H

#include <boost/cstdint.hpp>
#include <boost/noncopyable.hpp>
#include <boost/shared_ptr.hpp>
#include <string>

#include "SimpleAmqpClient/BasicMessage.h"
#include "SimpleAmqpClient/Util.h"

namespace AmqpClient {

class SIMPLEAMQPCLIENT_EXPORT Envelope : boost::noncopyable {
public:
  typedef boost::shared_ptr<Envelope> ptr_t;
  explicit Envelope(const BasicMessage::ptr_t message, const std::string &consumer_tag,
                    const boost::uint64_t delivery_tag, const std::string &exchange, bool redelivered,
                    const std::string &routing_key, const boost::uint16_t delivery_channel);
  virtual ~Envelope();

  BasicMessage::ptr_t Message() const;
  std::string ConsumerTag() const;
  boost::uint64_t DeliveryTag() const;
  std::string Exchange() const;
  bool Redelivered() const;
  std::string RoutingKey() const;
};

} // namespace AmqpClient

#endif // SIMPLEAMQPCLIENT_ENVELOPE_H
