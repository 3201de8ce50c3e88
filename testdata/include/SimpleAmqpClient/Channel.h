// SimpleAmqpClient Channel (src/SimpleAmqpClient/Channel.h at d271adb). A
// blocking client: BasicPublish waits for the broker's publisher confirm,
// BasicConsumeMessage for a delivery (a negative timeout, the default,
// waits forever), BasicGet returns at once.
#ifndef SIMPLEAMQPCLIENT_CHANNEL_H
#define SIMPLEAMQPCLIENT_CHANNEL_H

#include <boost/cstdint.hpp>
#include <boost/shared_ptr.hpp>
#include <boost/utility.hpp>
#include <string>
#include <vector>

#include "SimpleAmqpClient/BasicMessage.h"
#include "SimpleAmqpClient/Envelope.h"
#include "SimpleAmqpClient/Table.h"
#include "SimpleAmqpClient/Util.h"

namespace AmqpClient {

class SIMPLEAMQPCLIENT_EXPORT Channel : boost::noncopyable {
public:
  typedef boost::shared_ptr<Channel> ptr_t;
  static const std::string EXCHANGE_TYPE_DIRECT;
  static const std::string EXCHANGE_TYPE_FANOUT;
  static const std::string EXCHANGE_TYPE_TOPIC;

  struct SIMPLEAMQPCLIENT_EXPORT OpenOpts {
    std::string host;
    std::string vhost;
    int port;
    int frame_max;
    static OpenOpts FromUri(const std::string &uri);
    OpenOpts() : vhost("/"), port(5672), frame_max(131072) {}
  };

  static ptr_t Open(const OpenOpts &opts);
  static ptr_t Create(const std::string &host = "127.0.0.1", int port = 5672, const std::string &username = "guest",
                      const std::string &password = "guest", const std::string &vhost = "/",
                      int frame_max = 131072);
  static ptr_t CreateFromUri(const std::string &uri, int frame_max = 131072);

private:
  class ChannelImpl;

public:
  explicit Channel(ChannelImpl *impl);
  virtual ~Channel();

  void DeclareExchange(const std::string &exchange_name,
                       const std::string &exchange_type = Channel::EXCHANGE_TYPE_DIRECT, bool passive = false,
                       bool durable = false, bool auto_delete = false);
  std::string DeclareQueue(const std::string &queue_name, bool passive = false, bool durable = false,
                           bool exclusive = true, bool auto_delete = true);
  std::string DeclareQueue(const std::string &queue_name, bool passive, bool durable, bool exclusive,
                           bool auto_delete, const Table &arguments);
  std::string DeclareQueueWithCounts(const std::string &queue_name, boost::uint32_t &message_count,
                                     boost::uint32_t &consumer_count, bool passive = false, bool durable = false,
                                     bool exclusive = true, bool auto_delete = true);
  void DeleteQueue(const std::string &queue_name, bool if_unused = false, bool if_empty = false);
  void BindQueue(const std::string &queue_name, const std::string &exchange_name,
                 const std::string &routing_key = "");
  void BasicAck(const Envelope::ptr_t &message);
  void BasicReject(const Envelope::ptr_t &message, bool requeue, bool multiple = false);
  void BasicPublish(const std::string &exchange_name, const std::string &routing_key,
                    const BasicMessage::ptr_t message, bool mandatory = false, bool immediate = false);
  bool BasicGet(Envelope::ptr_t &message, const std::string &queue, bool no_ack = true);
  std::string BasicConsume(const std::string &queue, const std::string &consumer_tag = "", bool no_local = true,
                           bool no_ack = true, bool exclusive = true, boost::uint16_t message_prefetch_count = 1);
  std::string BasicConsume(const std::string &queue, const std::string &consumer_tag, bool no_local, bool no_ack,
                           bool exclusive, boost::uint16_t message_prefetch_count, const Table &arguments);
  void BasicQos(const std::string &consumer_tag, boost::uint16_t message_prefetch_count);
  void BasicCancel(const std::string &consumer_tag);
  Envelope::ptr_t BasicConsumeMessage(const std::string &consumer_tag);
  Envelope::ptr_t BasicConsumeMessage(const std::vector<std::string> &consumer_tags);
  Envelope::ptr_t BasicConsumeMessage();
  bool BasicConsumeMessage(const std::string &consumer_tag, Envelope::ptr_t &envelope, int timeout = -1);
  bool BasicConsumeMessage(const std::vector<std::string> &consumer_tags, Envelope::ptr_t &envelope,
                           int timeout = -1);
  bool BasicConsumeMessage(Envelope::ptr_t &envelope, int timeout = -1);
};

} // namespace AmqpClient

#endif // SIMPLEAMQPCLIENT_CHANNEL_H
