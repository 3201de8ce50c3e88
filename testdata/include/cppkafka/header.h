// Minimal cppkafka declarations for flowshape's tests (checked against
// mfontanini/cppkafka include/cppkafka/header.h at 9c5ea0e).
#pragma once

#include "buffer.h"

#include <string>

namespace cppkafka {

template <typename BufferType> class Header {
public:
  using ValueType = BufferType;
  Header() = default;
  Header(std::string name, const BufferType &value);
  Header(std::string name, BufferType &&value);
  const std::string &get_name() const;
  const BufferType &get_value() const;
  BufferType &get_value();
  operator bool() const;
};

} // namespace cppkafka
