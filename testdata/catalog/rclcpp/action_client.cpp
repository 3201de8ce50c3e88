// ROS 2 actions: sending a goal and waiting for the goal handle, then for
// the result, are requests to the action server.
#include <rclcpp/rclcpp.hpp>
#include <rclcpp_action/rclcpp_action.hpp>

#include <chrono>
#include <memory>

// Stand-in for a generated action type.
namespace nav_msgs_stub::action {
struct Navigate {
  struct Goal {
    double x = 0;
  };
  struct Result {
    using SharedPtr = std::shared_ptr<Result>;
    bool arrived = false;
  };
  struct Feedback {
    double remaining = 0;
  };
  struct Impl {
    struct CancelGoalService {
      struct Response {
        using SharedPtr = std::shared_ptr<Response>;
      };
    };
  };
};
} // namespace nav_msgs_stub::action

using Navigate = nav_msgs_stub::action::Navigate;
using namespace std::chrono_literals;

bool navigate(rclcpp::Node::SharedPtr node, double x) { // SHAPE: messaging-request-reply
  auto client = rclcpp_action::create_client<Navigate>(node, "navigate");
  if (!client->wait_for_action_server(5s))
    return false;
  Navigate::Goal goal;
  goal.x = x;
  auto goal_future = client->async_send_goal(goal); // EXPECT: broker-request-reply
  if (rclcpp::spin_until_future_complete(node, goal_future, 2s) != rclcpp::FutureReturnCode::SUCCESS) // OK: unbounded-reply-wait
    return false;
  auto result_future = client->async_get_result(goal_future.get()); // EXPECT: broker-request-reply
  rclcpp::spin_until_future_complete(node, result_future); // EXPECT: unbounded-reply-wait
  return result_future.get().result->arrived;
}

// Goal, feedback and result through callbacks: nothing blocks.
void navigateAsync(rclcpp_action::Client<Navigate>::SharedPtr client, double x) { // SHAPE: messaging-request-reply
  rclcpp_action::Client<Navigate>::SendGoalOptions options;
  options.result_callback = [](const auto &) {};
  Navigate::Goal goal;
  goal.x = x;
  client->async_send_goal(goal, options); // EXPECT: broker-request-reply; OK: unbounded-reply-wait
}
