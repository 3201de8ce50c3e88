// Minimal cppkafka declarations for flowshape's tests (checked against
// mfontanini/cppkafka include/cppkafka/message.h at 9c5ea0e).
#pragma once

#include "buffer.h"
#include "error.h"
#include "header.h"
#include "header_list.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace cppkafka {

class Internal;

class Message {
public:
  using InternalPtr = std::shared_ptr<Internal>;
  using HeaderType = Header<Buffer>;
  using HeaderListType = HeaderList<HeaderType>;

  Message();
  Message(rd_kafka_message_t *handle);
  Message(const Message &) = delete;
  Message(Message &&rhs) = default;
  Message &operator=(const Message &) = delete;
  Message &operator=(Message &&rhs) = default;

  Error get_error() const;
  bool is_eof() const;
  std::string get_topic() const;
  int get_partition() const;
  const Buffer &get_payload() const;
  const HeaderListType &get_header_list() const;
  const Buffer &get_key() const;
  int64_t get_offset() const;
  void *get_user_data() const;
  explicit operator bool() const;
};

using MessageList = std::vector<Message>;

} // namespace cppkafka
