// AMQP-CPP Envelope: a message to publish (include/amqpcpp/envelope.h at
// 839f74f).
#pragma once

#include "metadata.h"

#include <cstdint>
#include <string_view>

namespace AMQP {
class Envelope : public MetaData {
public:
  Envelope(const char *body, uint64_t size) : _body(body), _bodySize(size) {}
  Envelope(const std::string_view &body) : Envelope(body.data(), body.size()) {}
  Envelope(const char *body);
  Envelope(const MetaData &metadata, const char *body, uint64_t size);
  Envelope(const MetaData &metadata, const std::string_view &body);
  Envelope(const Envelope &envelope) = delete;
  virtual ~Envelope() {}

  const char *body() const;
  uint64_t bodySize() const;

protected:
  const char *_body;
  uint64_t _bodySize;
};
} // namespace AMQP
