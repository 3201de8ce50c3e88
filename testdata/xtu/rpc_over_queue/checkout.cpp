// Two levels above the helper: the price comes from the pricing service
// over the queue, then the confirmation goes out as an event.
#include "pricing.h"

namespace rpc {

class Checkout {
public:
  Checkout(PriceClient &prices, RdKafka::Producer *producer) : prices_(prices), producer_(producer) {}
  void confirm(const std::string &sku);

private:
  PriceClient &prices_;
  RdKafka::Producer *producer_;
};

void Checkout::confirm(const std::string &sku) { // SHAPE: messaging-request-reply
  double price = prices_.quote(sku); // OK: sync-over-queue, publish-then-block, unbounded-reply-wait
  std::string event = sku + ":" + std::to_string(price);
  producer_->produce("order.confirmed", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                     const_cast<char *>(event.data()), event.size(), nullptr, 0, 0, nullptr, nullptr);
}

} // namespace rpc
