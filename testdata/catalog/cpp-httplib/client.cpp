// cpp-httplib: a client call is a direct request; a server registering a
// handler makes none.
// EXPECT-NONE
#include <httplib.h>
#include <librdkafka/rdkafkacpp.h>

#include <string>

bool inStock(httplib::Client &inventory, const std::string &sku) { // SHAPE: request-driven
  auto response = inventory.Get("/stock/" + sku);
  return response && response->status == 200;
}

bool placeOrder(httplib::Client &payments, RdKafka::Producer *producer, const std::string &order) { // SHAPE: mixed
  auto charged = payments.Post("/charges", order, "application/json");
  if (!charged || charged->status != 201)
    return false;
  producer->produce("orders.placed", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, // OK: sync-over-queue
                    const_cast<char *>(order.data()), order.size(), nullptr, 0, 0, nullptr, nullptr);
  return true;
}

void routes(httplib::Server &server) {
  server.Get("/health", [](const httplib::Request &, httplib::Response &response) { response.set_content("ok", "text/plain"); });
}
