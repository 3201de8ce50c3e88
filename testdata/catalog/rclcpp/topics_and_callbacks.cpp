// Topics are events; a service server answers in its callback; a service
// call that blocks inside a subscription callback waits on the executor
// that must deliver its answer.
#include <rclcpp/rclcpp.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace fleet_msgs {
namespace msg {
struct Status {
  std::string robot;
};
} // namespace msg
namespace srv {
struct Dock {
  struct Request {
    using SharedPtr = std::shared_ptr<Request>;
    std::string robot;
  };
  struct Response {
    using SharedPtr = std::shared_ptr<Response>;
    bool ok = false;
  };
};
} // namespace srv
} // namespace fleet_msgs

using fleet_msgs::msg::Status;
using fleet_msgs::srv::Dock;
using namespace std::chrono_literals;

class FleetNode : public rclcpp::Node {
public:
  FleetNode() : rclcpp::Node("fleet") { // SHAPE: event-driven
    status_pub_ = create_publisher<Status>("fleet/status", rclcpp::QoS(10));
    dock_client_ = create_client<Dock>("fleet/dock");
    low_battery_ = create_subscription<Status>("fleet/low_battery", rclcpp::QoS(10),
                                               std::bind(&FleetNode::onLowBattery, this, std::placeholders::_1));
    dock_service_ = create_service<Dock>("fleet/undock", std::bind(&FleetNode::onUndock, this, std::placeholders::_1,
                                                                   std::placeholders::_2));
  }

  // Publishing a status is an event, and the loop's sleep paces it.
  void report(const std::string &robot) { // SHAPE: event-driven
    rclcpp::Rate rate(1.0);
    for (int i = 0; i < 3; ++i) {
      Status s;
      s.robot = robot;
      status_pub_->publish(s); // OK: sync-over-queue
      rate.sleep(); // OK: publish-then-block
    }
  }

private:
  // Blocks on the service's answer inside a subscription callback: with a
  // single-threaded executor the response can never be delivered.
  void onLowBattery(const Status &s) { // SHAPE: messaging-request-reply
    auto request = std::make_shared<Dock::Request>();
    request->robot = s.robot;
    auto future = dock_client_->async_send_request(request); // EXPECT: broker-request-reply
    future.wait(); // EXPECT: unbounded-reply-wait; EVIDENCE: wait-in-callback
  }

  // A server answers in its callback: event-driven.
  void onUndock(Dock::Request::SharedPtr request, Dock::Response::SharedPtr response) { // SHAPE: event-driven
    Status s;
    s.robot = request->robot;
    status_pub_->publish(s); // OK: broker-request-reply
    response->ok = true;
  }

  rclcpp::Publisher<Status>::SharedPtr status_pub_;
  rclcpp::Client<Dock>::SharedPtr dock_client_;
  rclcpp::Subscription<Status>::SharedPtr low_battery_;
  rclcpp::Service<Dock>::SharedPtr dock_service_;
};
