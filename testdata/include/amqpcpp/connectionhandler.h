// AMQP-CPP ConnectionHandler (include/amqpcpp/connectionhandler.h at
// 839f74f), reduced to the pure virtual the application implements.
#pragma once

#include <cstddef>

namespace AMQP {
class ConnectionHandler {
public:
  virtual ~ConnectionHandler() = default;
  virtual void onData(Connection *connection, const char *buffer, size_t size) = 0;
  virtual void onReady(Connection *connection) {}
  virtual void onError(Connection *connection, const char *message) {}
  virtual void onClosed(Connection *connection) {}
};
} // namespace AMQP
