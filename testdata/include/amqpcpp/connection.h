// AMQP-CPP Connection (include/amqpcpp/connection.h at 839f74f).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace AMQP {
class Connection {
public:
  Connection(ConnectionHandler *handler, const std::string &vhost);
  Connection(ConnectionHandler *handler);
  Connection(const Connection &connection) = delete;
  virtual ~Connection();
  uint64_t parse(const char *buffer, size_t size);
  bool close();
  uint16_t channels() const;
};
} // namespace AMQP
