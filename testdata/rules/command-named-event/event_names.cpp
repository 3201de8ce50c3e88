// Events name facts; a destination named as a command or a query is a
// request in disguise. Names are checked where they are written, also when
// they are passed to a wrapper.
#include <librdkafka/rdkafkacpp.h>

#include <string>

constexpr const char *kCheckTopic = "inventory.check";

class EventBus {
public:
  void publish(const std::string &topic, const std::string &payload) { // SHAPE: event-driven
    producer_->produce(topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                       const_cast<char *>(payload.data()), payload.size(), nullptr, 0, 0, nullptr, nullptr);
  }

private:
  RdKafka::Producer *producer_ = nullptr;
};

// A C-string topic passed on to the bus is still the name written by the caller.
void publishTo(EventBus &bus, const char *topic) { bus.publish(topic, "{}"); } // SHAPE: event-driven

void emit(EventBus &bus, RdKafka::Producer *producer) { // SHAPE: event-driven
  std::string body = "{}";
  producer->produce(kCheckTopic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, // EXPECT: command-named-event
                    const_cast<char *>(body.data()), body.size(), nullptr, 0, 0, nullptr, nullptr);
  producer->produce("GetPrice", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, // EXPECT: command-named-event
                    const_cast<char *>(body.data()), body.size(), nullptr, 0, 0, nullptr, nullptr);
  producer->produce("order.placed", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, // OK: command-named-event
                    const_cast<char *>(body.data()), body.size(), nullptr, 0, 0, nullptr, nullptr);
  bus.publish("payment.capture", body);  // EXPECT: command-named-event
  bus.publish("payment-captured", body); // OK: command-named-event
  bus.publish("order.processing", body); // OK: command-named-event
  bus.publish("checkout.results", body); // OK: command-named-event
  // The last word decides: a domain in -ing before an instruction, or a
  // fact after one.
  bus.publish("billing.invoice.generate", body); // EXPECT: command-named-event
  bus.publish("shipping.label.create", body);    // EXPECT: command-named-event
  bus.publish("payment.capture-failed", body);   // OK: command-named-event
  bus.publish("booking.confirmed", body);        // OK: command-named-event
  // A segment that starts with an instruction is one, whatever its object;
  // one that ends on a participle is a fact.
  bus.publish("camera.StartRecording", body);    // EXPECT: command-named-event
  bus.publish("calendar.schedule-meeting", body); // EXPECT: command-named-event
  bus.publish("jobs.GetResult", body);           // EXPECT: command-named-event
  bus.publish("inventory.check.completed", body); // OK: command-named-event
  bus.publish("payment.capture-failed.v2", body); // OK: command-named-event
  publishTo(bus, "inventory.reserve");           // EXPECT: command-named-event
}
