// ROS 2 service calls: async_send_request, then a blocking wait on the
// response future, is request/reply over the middleware. The wait's
// timeout is the request's: none (or -1) waits forever.
#include <rclcpp/rclcpp.hpp>

#include <chrono>
#include <memory>

// Stand-in for a generated service type (what rosidl makes of a .srv file).
namespace inventory_msgs::srv {
struct Reserve {
  struct Request {
    using SharedPtr = std::shared_ptr<Request>;
    int sku = 0;
  };
  struct Response {
    using SharedPtr = std::shared_ptr<Response>;
    bool ok = false;
  };
};
} // namespace inventory_msgs::srv

using Reserve = inventory_msgs::srv::Reserve;
using namespace std::chrono_literals;

bool reserve(rclcpp::Node::SharedPtr node, int sku) { // SHAPE: messaging-request-reply
  auto client = node->create_client<Reserve>("inventory/reserve");
  auto request = std::make_shared<Reserve::Request>();
  request->sku = sku;
  auto future = client->async_send_request(request); // EXPECT: broker-request-reply; EVIDENCE: broker-request
  if (rclcpp::spin_until_future_complete(node, future) != rclcpp::FutureReturnCode::SUCCESS) // EXPECT: unbounded-reply-wait
    return false;
  return future.get()->ok;
}

bool reserveWithTimeout(rclcpp::Node::SharedPtr node, int sku) { // SHAPE: messaging-request-reply
  auto client = node->create_client<Reserve>("inventory/reserve");
  if (!client->wait_for_service(1s))
    return false;
  auto request = std::make_shared<Reserve::Request>();
  request->sku = sku;
  auto future = client->async_send_request(request); // EXPECT: broker-request-reply
  if (rclcpp::spin_until_future_complete(node, future, 500ms) != rclcpp::FutureReturnCode::SUCCESS) // OK: unbounded-reply-wait
    return false;
  return future.get()->ok;
}

// A negative timeout is forever too.
bool reserveForever(rclcpp::Node::SharedPtr node, rclcpp::Client<Reserve>::SharedPtr client, int sku) { // SHAPE: messaging-request-reply
  auto request = std::make_shared<Reserve::Request>();
  request->sku = sku;
  auto future = client->async_send_request(request); // EXPECT: broker-request-reply
  rclcpp::spin_until_future_complete(node, future, std::chrono::seconds(-1)); // EXPECT: unbounded-reply-wait
  return future.get()->ok;
}

// Another thread spins the node: the caller blocks on the future itself.
bool reserveFromWorker(rclcpp::Client<Reserve>::SharedPtr client, int sku) { // SHAPE: messaging-request-reply
  auto request = std::make_shared<Reserve::Request>();
  request->sku = sku;
  auto future = client->async_send_request(request); // EXPECT: broker-request-reply
  return future.get()->ok; // EXPECT: unbounded-reply-wait
}

bool reserveFromWorkerBounded(rclcpp::Client<Reserve>::SharedPtr client, int sku) { // SHAPE: messaging-request-reply
  auto request = std::make_shared<Reserve::Request>();
  request->sku = sku;
  auto future = client->async_send_request(request); // EXPECT: broker-request-reply
  if (future.wait_for(2s) != std::future_status::ready) // OK: unbounded-reply-wait
    return false;
  return future.get()->ok;
}

// Answered through a callback: nothing blocks.
void reserveAsync(rclcpp::Client<Reserve>::SharedPtr client, int sku) { // SHAPE: messaging-request-reply
  auto request = std::make_shared<Reserve::Request>();
  request->sku = sku;
  client->async_send_request(request, [](rclcpp::Client<Reserve>::SharedFuture) {}); // EXPECT: broker-request-reply; OK: unbounded-reply-wait
}
