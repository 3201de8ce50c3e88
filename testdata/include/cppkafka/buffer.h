// Minimal cppkafka declarations for flowshape's tests (checked against
// mfontanini/cppkafka include/cppkafka/buffer.h at 9c5ea0e).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace cppkafka {

class Buffer {
public:
  using DataType = unsigned char;
  Buffer();
  template <typename T> Buffer(const T *data, size_t size);
  template <typename T> Buffer(const std::vector<T> &data);
  template <typename T, size_t N> Buffer(const T (&data)[N]);
  Buffer(const std::string &data);
  Buffer(std::string &&) = delete;
  Buffer(const Buffer &) = delete;
  Buffer(Buffer &&) = default;
  Buffer &operator=(const Buffer &) = delete;
  Buffer &operator=(Buffer &&) = default;

  const DataType *get_data() const;
  size_t get_size() const;
  explicit operator bool() const;
  operator std::string() const;
};

bool operator==(const Buffer &lhs, const Buffer &rhs);
bool operator!=(const Buffer &lhs, const Buffer &rhs);

} // namespace cppkafka
