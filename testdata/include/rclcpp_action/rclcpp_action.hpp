// Minimal declarations of ROS 2 rclcpp_action (Humble, 16.0.x) for
// flowshape's testdata: client.hpp, server.hpp, create_client.hpp and
// create_server.hpp signatures, without implementation. Not the real header.
#pragma once

#include <rclcpp/rclcpp.hpp>

#include <array>
#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <string>

namespace rclcpp_action {

using GoalUUID = std::array<uint8_t, 16>;
enum class ResultCode : int8_t { UNKNOWN = 0, SUCCEEDED = 4, CANCELED = 5, ABORTED = 6 };
enum class GoalResponse : int8_t { REJECT = 1, ACCEPT_AND_EXECUTE = 2, ACCEPT_AND_DEFER = 3 };
enum class CancelResponse : int8_t { REJECT = 1, ACCEPT = 2 };

template <typename ActionT> class ClientGoalHandle {
public:
  using SharedPtr = std::shared_ptr<ClientGoalHandle>;
  struct WrappedResult {
    GoalUUID goal_id;
    ResultCode code;
    typename ActionT::Result::SharedPtr result;
  };
  using FeedbackCallback = std::function<void(SharedPtr, const std::shared_ptr<const typename ActionT::Feedback>)>;
  using ResultCallback = std::function<void(const WrappedResult &result)>;
};

template <typename ActionT> class ServerGoalHandle {
public:
  void publish_feedback(std::shared_ptr<typename ActionT::Feedback> feedback_msg);
  void succeed(typename ActionT::Result::SharedPtr result_msg);
  void abort(typename ActionT::Result::SharedPtr result_msg);
  void canceled(typename ActionT::Result::SharedPtr result_msg);
  const std::shared_ptr<const typename ActionT::Goal> get_goal() const;
  bool is_canceling() const;
};

class ClientBase {
public:
  virtual ~ClientBase();
  bool action_server_is_ready() const;
  template <typename RepT = int64_t, typename RatioT = std::milli>
  bool wait_for_action_server(std::chrono::duration<RepT, RatioT> timeout = std::chrono::duration<RepT, RatioT>(-1)) {
    return wait_for_action_server_nanoseconds(std::chrono::duration_cast<std::chrono::nanoseconds>(timeout));
  }

protected:
  bool wait_for_action_server_nanoseconds(std::chrono::nanoseconds timeout);
};

template <typename ActionT> class Client : public ClientBase {
public:
  using SharedPtr = std::shared_ptr<Client>;
  using Goal = typename ActionT::Goal;
  using GoalHandle = ClientGoalHandle<ActionT>;
  using WrappedResult = typename GoalHandle::WrappedResult;
  using CancelResponse = typename ActionT::Impl::CancelGoalService::Response;
  using CancelCallback = std::function<void(typename CancelResponse::SharedPtr)>;

  struct SendGoalOptions {
    std::function<void(typename GoalHandle::SharedPtr)> goal_response_callback;
    typename GoalHandle::FeedbackCallback feedback_callback;
    typename GoalHandle::ResultCallback result_callback;
  };

  std::shared_future<typename GoalHandle::SharedPtr> async_send_goal(const Goal &goal,
                                                                      const SendGoalOptions &options = SendGoalOptions());
  std::shared_future<WrappedResult> async_get_result(typename GoalHandle::SharedPtr goal_handle,
                                                     typename GoalHandle::ResultCallback result_callback = nullptr);
  std::shared_future<typename CancelResponse::SharedPtr> async_cancel_goal(typename GoalHandle::SharedPtr goal_handle,
                                                                           CancelCallback cancel_callback = nullptr);
};

template <typename ActionT> class Server {
public:
  using SharedPtr = std::shared_ptr<Server>;
  using GoalCallback = std::function<GoalResponse(const GoalUUID &, std::shared_ptr<const typename ActionT::Goal>)>;
  using CancelCallback = std::function<CancelResponse(const std::shared_ptr<ServerGoalHandle<ActionT>>)>;
  using AcceptedCallback = std::function<void(const std::shared_ptr<ServerGoalHandle<ActionT>>)>;
};

template <typename ActionT, typename NodeT>
typename Client<ActionT>::SharedPtr create_client(NodeT node, const std::string &name,
                                                  rclcpp::CallbackGroup::SharedPtr group = nullptr);

template <typename ActionT, typename NodeT>
typename Server<ActionT>::SharedPtr create_server(NodeT node, const std::string &name,
                                                  typename Server<ActionT>::GoalCallback handle_goal,
                                                  typename Server<ActionT>::CancelCallback handle_cancel,
                                                  typename Server<ActionT>::AcceptedCallback handle_accepted,
                                                  rclcpp::CallbackGroup::SharedPtr group = nullptr);

} // namespace rclcpp_action
