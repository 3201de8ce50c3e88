// Minimal declarations of ROS 2 rclcpp (Humble, 16.0.x) for flowshape's
// testdata: the real namespaces, class templates and member signatures of
// node.hpp, client.hpp, service.hpp, publisher.hpp, executors.hpp and
// executor.hpp, without their implementation. Not the real header.
#pragma once

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <utility>

namespace rclcpp {

struct QoS {
  explicit QoS(size_t depth) : depth(depth) {}
  size_t depth;
};
struct ServicesQoS : QoS {
  ServicesQoS() : QoS(10) {}
};
class CallbackGroup {
public:
  using SharedPtr = std::shared_ptr<CallbackGroup>;
};

enum class FutureReturnCode { SUCCESS, INTERRUPTED, TIMEOUT };

namespace node_interfaces {
class NodeBaseInterface {
public:
  using SharedPtr = std::shared_ptr<NodeBaseInterface>;
};
} // namespace node_interfaces

namespace detail {
// What Client::async_send_request returns: the response future and the
// request's sequence number.
template <typename FutureT> struct FutureAndRequestId {
  FutureT future;
  int64_t request_id;
  FutureAndRequestId(FutureT impl, int64_t req_id) : future(std::move(impl)), request_id(req_id) {}
  operator FutureT &() { return this->future; }
  auto get() { return this->future.get(); }
  bool valid() const noexcept { return this->future.valid(); }
  void wait() const { return this->future.wait(); }
  template <class Rep, class Period>
  std::future_status wait_for(const std::chrono::duration<Rep, Period> &timeout_duration) const {
    return this->future.wait_for(timeout_duration);
  }
  template <class Clock, class Duration>
  std::future_status wait_until(const std::chrono::time_point<Clock, Duration> &timeout_time) const {
    return this->future.wait_until(timeout_time);
  }
};
} // namespace detail

class ClientBase {
public:
  virtual ~ClientBase() = default;
  const char *get_service_name() const;
  bool service_is_ready() const;
  template <typename RepT = int64_t, typename RatioT = std::milli>
  bool wait_for_service(std::chrono::duration<RepT, RatioT> timeout = std::chrono::duration<RepT, RatioT>(-1)) {
    return wait_for_service_nanoseconds(std::chrono::duration_cast<std::chrono::nanoseconds>(timeout));
  }

protected:
  bool wait_for_service_nanoseconds(std::chrono::nanoseconds timeout);
};

template <typename ServiceT> class Client : public ClientBase {
public:
  using SharedRequest = typename ServiceT::Request::SharedPtr;
  using SharedResponse = typename ServiceT::Response::SharedPtr;
  using SharedFuture = std::shared_future<SharedResponse>;
  using SharedPtr = std::shared_ptr<Client>;
  using CallbackType = std::function<void(SharedFuture)>;

  struct FutureAndRequestId : detail::FutureAndRequestId<std::future<SharedResponse>> {
    using detail::FutureAndRequestId<std::future<SharedResponse>>::FutureAndRequestId;
    SharedFuture share() noexcept { return this->future.share(); }
  };
  struct SharedFutureAndRequestId : detail::FutureAndRequestId<std::shared_future<SharedResponse>> {
    using detail::FutureAndRequestId<std::shared_future<SharedResponse>>::FutureAndRequestId;
  };

  FutureAndRequestId async_send_request(SharedRequest request);
  template <typename CallbackT> SharedFutureAndRequestId async_send_request(SharedRequest request, CallbackT &&cb) {
    return send_with_callback(std::move(request), CallbackType(std::forward<CallbackT>(cb)));
  }
  size_t prune_pending_requests();

private:
  SharedFutureAndRequestId send_with_callback(SharedRequest request, CallbackType cb);
};

template <typename ServiceT> class Service {
public:
  using SharedPtr = std::shared_ptr<Service>;
};

template <typename MessageT, typename AllocatorT = std::allocator<void>> class Publisher {
public:
  using SharedPtr = std::shared_ptr<Publisher>;
  void publish(std::unique_ptr<MessageT> msg);
  void publish(const MessageT &msg);
  size_t get_subscription_count() const;
};

template <typename MessageT, typename AllocatorT = std::allocator<void>> class Subscription {
public:
  using SharedPtr = std::shared_ptr<Subscription>;
};

class TimerBase {
public:
  using SharedPtr = std::shared_ptr<TimerBase>;
  void cancel();
};

class Logger {};

class Node : public std::enable_shared_from_this<Node> {
public:
  using SharedPtr = std::shared_ptr<Node>;
  explicit Node(const std::string &node_name);
  virtual ~Node();
  const char *get_name() const;
  Logger get_logger() const;
  node_interfaces::NodeBaseInterface::SharedPtr get_node_base_interface();

  template <typename MessageT, typename AllocatorT = std::allocator<void>,
            typename PublisherT = Publisher<MessageT, AllocatorT>>
  std::shared_ptr<PublisherT> create_publisher(const std::string &topic_name, const QoS &qos);

  template <typename MessageT, typename CallbackT, typename AllocatorT = std::allocator<void>,
            typename SubscriptionT = Subscription<MessageT, AllocatorT>>
  std::shared_ptr<SubscriptionT> create_subscription(const std::string &topic_name, const QoS &qos,
                                                     CallbackT &&callback);

  template <typename ServiceT>
  typename Client<ServiceT>::SharedPtr create_client(const std::string &service_name,
                                                     const QoS &qos = ServicesQoS(),
                                                     CallbackGroup::SharedPtr group = nullptr);

  template <typename ServiceT, typename CallbackT>
  typename Service<ServiceT>::SharedPtr create_service(const std::string &service_name, CallbackT &&callback,
                                                       const QoS &qos = ServicesQoS(),
                                                       CallbackGroup::SharedPtr group = nullptr);

  template <typename DurationRepT, typename DurationT, typename CallbackT>
  TimerBase::SharedPtr create_wall_timer(std::chrono::duration<DurationRepT, DurationT> period, CallbackT callback,
                                         CallbackGroup::SharedPtr group = nullptr);
};

class Executor {
public:
  virtual ~Executor();
  void add_node(std::shared_ptr<Node> node_ptr, bool notify = true);
  void spin();
  void spin_some(std::chrono::nanoseconds max_duration = std::chrono::nanoseconds(0));
  template <typename FutureT, typename TimeRepT = int64_t, typename TimeT = std::milli>
  FutureReturnCode spin_until_future_complete(const FutureT &future, std::chrono::duration<TimeRepT, TimeT> timeout =
                                                                         std::chrono::duration<TimeRepT, TimeT>(-1));
};

namespace executors {
class SingleThreadedExecutor : public Executor {};
class MultiThreadedExecutor : public Executor {};
} // namespace executors

void init(int argc, char const *const *argv);
bool ok();
bool shutdown();
void spin(std::shared_ptr<Node> node_ptr);
void spin_some(std::shared_ptr<Node> node_ptr);
bool sleep_for(const std::chrono::nanoseconds &nanoseconds);

template <typename FutureT, typename TimeRepT = int64_t, typename TimeT = std::milli>
FutureReturnCode spin_until_future_complete(node_interfaces::NodeBaseInterface::SharedPtr node_ptr,
                                            const FutureT &future,
                                            std::chrono::duration<TimeRepT, TimeT> timeout =
                                                std::chrono::duration<TimeRepT, TimeT>(-1));
template <typename NodeT = Node, typename FutureT, typename TimeRepT = int64_t, typename TimeT = std::milli>
FutureReturnCode spin_until_future_complete(std::shared_ptr<NodeT> node_ptr, const FutureT &future,
                                            std::chrono::duration<TimeRepT, TimeT> timeout =
                                                std::chrono::duration<TimeRepT, TimeT>(-1));

class Rate {
public:
  explicit Rate(double rate);
  bool sleep();
};

} // namespace rclcpp

#define RCLCPP_INFO(logger, ...) ((void)(logger))
#define RCLCPP_ERROR(logger, ...) ((void)(logger))
