// Boost.Beast's synchronous client: writing a request and reading the
// response block on the peer, a direct request. A server reading requests
// is not one.
// EXPECT-NONE
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <librdkafka/rdkafkacpp.h>

#include <string>

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

std::string fetchRates(tcp::socket &socket) { // SHAPE: request-driven
  http::request<http::string_body> request{http::verb::get, "/rates", 11};
  http::write(socket, request);
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(socket, buffer, response);
  return response.body();
}

bool shipOrder(RdKafka::Producer *producer, tcp::socket &carrier, const std::string &order) { // SHAPE: mixed
  http::request<http::string_body> request{http::verb::post, "/shipments", 11};
  request.body() = order;
  http::write(carrier, request);
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(carrier, buffer, response);
  producer->produce("orders.shipped", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, // OK: sync-over-queue
                    const_cast<char *>(order.data()), order.size(), nullptr, 0, 0, nullptr, nullptr);
  return response.result() == http::status::ok;
}

// The server side reads requests and writes responses: no direct request.
void serveOne(tcp::socket &socket) {
  beast::flat_buffer buffer;
  http::request<http::string_body> request;
  http::read(socket, buffer, request);
  http::response<http::string_body> response{http::status::ok, request.version()};
  http::write(socket, response);
}

std::size_t readGreeting(tcp::socket &socket, char *out, std::size_t size) { // SHAPE: request-driven
  return boost::asio::read(socket, boost::asio::buffer(out, size));
}
