// AMQP-CPP forward declarations (include/amqpcpp/classes.h at 839f74f).
#pragma once

namespace AMQP {
class Channel;
class ChannelImpl;
class Connection;
class ConnectionHandler;
class Deferred;
class Envelope;
class Message;
class MetaData;
class Table;
} // namespace AMQP
