// The split the seed article recommends: validate synchronously (the answer
// decides the response), then hand the consequences to an event.
// EXPECT-NONE
#include <httplib.h>
#include <librdkafka/rdkafkacpp.h>

#include <stdexcept>
#include <string>

std::string placeOrder(httplib::Client &inventory, RdKafka::Producer *producer, const std::string &order) { // SHAPE: mixed
  auto availability = inventory.Get("/availability?order=" + order);
  if (!availability || availability->status != 200)
    throw std::runtime_error("inventory unavailable");
  producer->produce("order.placed", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char *>(order.data()), order.size(), nullptr, 0, 0, nullptr, nullptr);
  return order;
}
