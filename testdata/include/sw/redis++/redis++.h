// Minimal declarations of redis-plus-plus for flowshape's tests (Debian does
// not package it). Namespaces, class names and signatures follow
// sewenew/redis-plus-plus at commit 2c47000 (src/sw/redis++/redis.h,
// subscriber.h, connection.h, command_options.h, cxx17/cxx_utils.h), C++17
// flavour (StringView is std::string_view). Declarations only: flowshape
// parses callers, it never links them.
#ifndef FLOWSHAPE_TESTDATA_SW_REDISPLUSPLUS_H
#define FLOWSHAPE_TESTDATA_SW_REDISPLUSPLUS_H

#include <chrono>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace sw {
namespace redis {

using StringView = std::string_view;
template <typename T> using Optional = std::optional<T>;
using OptionalString = Optional<std::string>;
using OptionalStringPair = Optional<std::pair<std::string, std::string>>;

enum class ListWhence { LEFT, RIGHT };

struct ConnectionOptions {
  std::string host;
  int port = 6379;
  std::chrono::milliseconds connect_timeout{0};
  std::chrono::milliseconds socket_timeout{0};
};

struct ConnectionPoolOptions {
  std::size_t size = 1;
};

class Subscriber {
public:
  Subscriber(const Subscriber &) = delete;
  Subscriber &operator=(const Subscriber &) = delete;
  Subscriber(Subscriber &&) = default;
  Subscriber &operator=(Subscriber &&) = default;
  ~Subscriber() = default;

  template <typename MsgCb> void on_message(MsgCb msg_callback) { (void)msg_callback; }
  template <typename PMsgCb> void on_pmessage(PMsgCb pmsg_callback) { (void)pmsg_callback; }

  void subscribe(const StringView &channel);
  template <typename Input> void subscribe(Input first, Input last);
  void unsubscribe();
  void unsubscribe(const StringView &channel);
  void psubscribe(const StringView &pattern);

  void consume();

private:
  Subscriber() = default;
  friend class Redis;
};

class Redis {
public:
  explicit Redis(const ConnectionOptions &connection_opts, const ConnectionPoolOptions &pool_opts = {});
  explicit Redis(const std::string &uri);
  Redis(const Redis &) = delete;
  Redis &operator=(const Redis &) = delete;
  Redis(Redis &&) = default;
  Redis &operator=(Redis &&) = default;

  Subscriber subscriber();

  OptionalString get(const StringView &key);
  bool set(const StringView &key, const StringView &val);

  // LIST commands.
  OptionalStringPair blpop(const StringView &key, long long timeout);
  OptionalStringPair blpop(const StringView &key, const std::chrono::seconds &timeout = std::chrono::seconds{0});
  template <typename Input> OptionalStringPair blpop(Input first, Input last, long long timeout);
  template <typename Input>
  OptionalStringPair blpop(Input first, Input last, const std::chrono::seconds &timeout = std::chrono::seconds{0});
  OptionalStringPair brpop(const StringView &key, long long timeout);
  OptionalStringPair brpop(const StringView &key, const std::chrono::seconds &timeout = std::chrono::seconds{0});
  OptionalString brpoplpush(const StringView &source, const StringView &destination, long long timeout);
  OptionalString brpoplpush(const StringView &source, const StringView &destination,
                            const std::chrono::seconds &timeout = std::chrono::seconds{0});
  OptionalString blmove(const StringView &src, const StringView &dest, ListWhence src_whence, ListWhence dest_whence,
                        const std::chrono::seconds &timeout = std::chrono::seconds{0});
  long long lpush(const StringView &key, const StringView &val);
  template <typename Input> long long lpush(const StringView &key, Input first, Input last);
  long long rpush(const StringView &key, const StringView &val);
  template <typename Input> long long rpush(const StringView &key, Input first, Input last);

  // PUBSUB commands.
  long long publish(const StringView &channel, const StringView &message);
  long long spublish(const StringView &channel, const StringView &message);

  // STREAM commands.
  template <typename Input> std::string xadd(const StringView &key, const StringView &id, Input first, Input last);
  template <typename T> std::string xadd(const StringView &key, const StringView &id, std::initializer_list<T> il);
  template <typename Output> void xread(const StringView &key, const StringView &id, long long count, Output output);
  template <typename Output> void xread(const StringView &key, const StringView &id, Output output);
  template <typename Output>
  void xread(const StringView &key, const StringView &id, const std::chrono::milliseconds &timeout, long long count,
             Output output);
  template <typename Output>
  void xread(const StringView &key, const StringView &id, const std::chrono::milliseconds &timeout, Output output);
};

} // namespace redis
} // namespace sw

#endif
