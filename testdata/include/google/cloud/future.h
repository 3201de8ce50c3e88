// Minimal declarations of google-cloud-cpp's future (google/cloud/future.h,
// v2.x) for flowshape's testdata. Not the real header.
#pragma once

#include <chrono>
#include <future>
#include <string>

namespace google {
namespace cloud {
inline namespace v2_31 {

template <typename T> class future {
public:
  future() = default;
  T get();
  void wait() const;
  template <class Rep, class Period> std::future_status wait_for(std::chrono::duration<Rep, Period> const &d) const;
  template <class Clock, class Duration>
  std::future_status wait_until(std::chrono::time_point<Clock, Duration> const &t) const;
  bool is_ready() const;
  template <typename F> auto then(F &&functor);
  void cancel();
};

template <typename T> class promise {
public:
  promise();
  future<T> get_future();
  void set_value(T value);
};

class Status {
public:
  bool ok() const;
  std::string const &message() const;
};

template <typename T> class StatusOr {
public:
  bool ok() const;
  Status const &status() const;
  T &value();
  T &operator*();
  T *operator->();
  explicit operator bool() const;
};

class Options {};

} // namespace v2_31
} // namespace cloud
} // namespace google
