// Minimal cppkafka declarations for flowshape's tests (checked against
// mfontanini/cppkafka include/cppkafka/message_builder.h at 9c5ea0e).
// The topic is the builder's: given to its constructor or to topic().
#pragma once

#include "buffer.h"
#include "header_list.h"
#include "message.h"

#include <chrono>
#include <string>

namespace cppkafka {

template <typename BufferType, typename Concrete> class BasicMessageBuilder {
public:
  using HeaderType = Header<BufferType>;
  using HeaderListType = HeaderList<HeaderType>;

  BasicMessageBuilder(std::string topic);
  BasicMessageBuilder(const Message &message);
  template <typename OtherBufferType, typename OtherConcrete>
  BasicMessageBuilder(const BasicMessageBuilder<OtherBufferType, OtherConcrete> &rhs);
  template <typename OtherBufferType, typename OtherConcrete>
  BasicMessageBuilder(BasicMessageBuilder<OtherBufferType, OtherConcrete> &&rhs);
  BasicMessageBuilder(BasicMessageBuilder &&) = default;
  BasicMessageBuilder(const BasicMessageBuilder &) = default;
  BasicMessageBuilder &operator=(BasicMessageBuilder &&) = default;
  BasicMessageBuilder &operator=(const BasicMessageBuilder &) = default;

  Concrete &topic(std::string value);
  Concrete &partition(int value);
  Concrete &key(const BufferType &value);
  Concrete &key(BufferType &&value);
  Concrete &header(const HeaderType &header);
  Concrete &headers(const HeaderListType &headers);
  Concrete &headers(HeaderListType &&headers);
  Concrete &payload(const BufferType &value);
  Concrete &payload(BufferType &&value);
  Concrete &timestamp(std::chrono::milliseconds value);
  Concrete &user_data(void *value);

  const std::string &topic() const;
  int partition() const;
  const BufferType &key() const;
  const HeaderListType &header_list() const;
  const BufferType &payload() const;
  void *user_data() const;
};

class MessageBuilder : public BasicMessageBuilder<Buffer, MessageBuilder> {
public:
  using Base = BasicMessageBuilder<Buffer, MessageBuilder>;
  using BasicMessageBuilder<Buffer, MessageBuilder>::BasicMessageBuilder;
  using HeaderType = Base::HeaderType;
  using HeaderListType = Base::HeaderListType;
  MessageBuilder clone() const;
};

template <typename T> class ConcreteMessageBuilder : public BasicMessageBuilder<T, ConcreteMessageBuilder<T>> {
public:
  using Base = BasicMessageBuilder<T, ConcreteMessageBuilder<T>>;
  using BasicMessageBuilder<T, ConcreteMessageBuilder<T>>::BasicMessageBuilder;
};

} // namespace cppkafka
