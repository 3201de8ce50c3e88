// A future completed by the delivery-report callback is the broker's
// acknowledgement of the publish, not a reply.
// EXPECT-NONE
#include <librdkafka/rdkafkacpp.h>

#include <future>
#include <string>

class Acks : public RdKafka::DeliveryReportCb {
public:
  void dr_cb(RdKafka::Message &message) override { delivered_.set_value(message.err() == RdKafka::ERR_NO_ERROR); }
  std::future<bool> next() { return delivered_.get_future(); }

private:
  std::promise<bool> delivered_;
};

bool publishConfirmed(RdKafka::Producer *producer, Acks &acks, const std::string &event) { // SHAPE: event-driven
  std::future<bool> delivered = acks.next();
  producer->produce("invoices.issued", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char *>(event.data()), event.size(), nullptr, 0, 0, nullptr, nullptr);
  producer->poll(100);
  return delivered.get(); // OK: sync-over-queue, publish-then-block
}
