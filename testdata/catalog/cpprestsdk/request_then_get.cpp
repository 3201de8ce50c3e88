// cpprestsdk: http_client::request returns a task; get() on it waits for
// that HTTP response. A publish followed by an HTTP request and its get()
// is a flow that asks a service and announces a fact, not a reply-wait.
#include <cpprest/http_client.h>
// EXPECT-NONE
#include <librdkafka/rdkafkacpp.h>

#include <string>

using web::http::methods;
using web::http::client::http_client;

bool inStock(http_client &inventory, const std::string &sku) { // SHAPE: request-driven
  web::http::http_response response = inventory.request(methods::GET, "/stock/" + sku).get();
  return response.status_code() == web::http::status_codes::OK;
}

bool placeOrder(RdKafka::Producer *producer, http_client &payments, const std::string &order) { // SHAPE: mixed
  producer->produce("orders.placed", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char *>(order.data()), order.size(), nullptr, 0, 0, nullptr, nullptr);
  auto charged = payments.request(methods::POST, "/charges/" + order); // OK: publish-then-block
  return charged.get().status_code() == web::http::status_codes::OK; // OK: publish-then-block, sync-over-queue
}

bool placeOrderChained(RdKafka::Producer *producer, http_client &payments, const std::string &order) { // SHAPE: mixed
  producer->produce("orders.placed", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char *>(order.data()), order.size(), nullptr, 0, 0, nullptr, nullptr);
  return payments.request(methods::POST, "/charges/" + order) // OK: publish-then-block
      .then([](web::http::http_response response) { return response.status_code() == 200; })
      .get();
}
