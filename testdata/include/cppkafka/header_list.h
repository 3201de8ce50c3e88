// Minimal cppkafka declarations for flowshape's tests (checked against
// mfontanini/cppkafka include/cppkafka/header_list.h at 9c5ea0e).
#pragma once

#include "error.h"
#include "header.h"

#include <cstddef>

namespace cppkafka {

template <typename HeaderType> class HeaderList {
public:
  HeaderList();
  explicit HeaderList(size_t reserve);
  Error add(const HeaderType &header);
  Error remove(const std::string &name);
  HeaderType at(size_t index) const;
  HeaderType front() const;
  HeaderType back() const;
  size_t size() const;
  bool empty() const;
  explicit operator bool() const;
};

} // namespace cppkafka
