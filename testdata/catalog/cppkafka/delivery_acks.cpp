// Waiting for Kafka's acknowledgement of one's own message is not waiting
// for a reply: flush, poll, sync_produce, wait_for_acks, and a future that
// the delivery-report callback completes.
// EXPECT-NONE
#include <cppkafka/cppkafka.h>

#include <chrono>
#include <future>
#include <string>

void orderPlaced(cppkafka::Producer &producer, const std::string &order) { // SHAPE: event-driven
  producer.produce(cppkafka::MessageBuilder("orders.placed").payload(order));
  producer.flush(std::chrono::seconds(5)); // OK: sync-over-queue, publish-then-block
}

void orderPlacedAndPolled(cppkafka::Producer &producer, const std::string &order) { // SHAPE: event-driven
  producer.produce(cppkafka::MessageBuilder("orders.placed").payload(order));
  producer.poll(); // OK: sync-over-queue, publish-then-block
}

void invoiceIssued(cppkafka::BufferedProducer<std::string> &producer, const std::string &invoice) { // SHAPE: event-driven
  producer.sync_produce(producer.make_builder("invoices.issued").payload(invoice)); // OK: sync-over-queue, unbounded-reply-wait
}

void invoicesIssued(cppkafka::BufferedProducer<std::string> &producer, const std::string &invoice) { // SHAPE: event-driven
  producer.add_message(producer.make_builder("invoices.issued").payload(invoice));
  producer.flush(); // OK: sync-over-queue, publish-then-block
  producer.produce(cppkafka::MessageBuilder("invoices.audited").payload(invoice));
  producer.wait_for_acks(); // OK: sync-over-queue, publish-then-block
}

class ConfirmedPublisher {
public:
  cppkafka::Configuration configure() {
    cppkafka::Configuration config = {{"metadata.broker.list", "kafka:9092"}};
    config.set_delivery_report_callback(
        [this](cppkafka::Producer &, const cppkafka::Message &message) { delivered_.set_value(!message.get_error()); });
    return config;
  }

  bool shipmentSent(cppkafka::Producer &producer, const std::string &shipment) { // SHAPE: event-driven
    std::future<bool> delivered = delivered_.get_future();
    producer.produce(cppkafka::MessageBuilder("shipments.sent").payload(shipment));
    return delivered.get(); // OK: sync-over-queue, publish-then-block, unbounded-reply-wait
  }

private:
  std::promise<bool> delivered_;
};
