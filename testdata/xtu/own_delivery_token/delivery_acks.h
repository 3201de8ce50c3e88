#pragma once

#include <librdkafka/rdkafkacpp.h>

#include <future>
#include <mutex>

namespace orders {

// Delivery reports of the producer complete the promise of each publish:
// the broker's acknowledgement, not a consumer's reply.
class DeliveryAcks : public RdKafka::DeliveryReportCb {
public:
  std::future<bool> next();
  void dr_cb(RdKafka::Message &message) override;

private:
  std::mutex mutex_;
  std::promise<bool> delivered_;
};

} // namespace orders
