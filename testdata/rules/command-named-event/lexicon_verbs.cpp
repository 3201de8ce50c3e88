// Verbs beyond the word lists come from WordNet's verb index: a name whose
// action is any English verb is an instruction (cart.recalculate), and its
// participle, regular or irregular, is a fact (index.rebuilt). A word that
// is mostly a noun (price, report, order, record) names a thing, not an
// action; a noun that names the act itself (provision) is an instruction
// only where a name puts its action, at the end.
#include <librdkafka/rdkafkacpp.h>

#include <string>

void publishAll(RdKafka::Producer *producer, const std::string &topic) { // SHAPE: event-driven
  std::string body = "{}";
  producer->produce(topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char *>(body.data()), body.size(), nullptr, 0, 0, nullptr, nullptr);
}

void emit(RdKafka::Producer *producer) { // SHAPE: event-driven
  publishAll(producer, "cart.recalculate");    // EXPECT: command-named-event
  publishAll(producer, "index.rebuild");       // EXPECT: command-named-event
  publishAll(producer, "tenant.provision");    // EXPECT: command-named-event
  publishAll(producer, "images.resize");       // EXPECT: command-named-event
  publishAll(producer, "report.RegenerateAll"); // EXPECT: command-named-event
  // Facts: the participles, regular and irregular.
  publishAll(producer, "cart.recalculated");   // OK: command-named-event
  publishAll(producer, "index.rebuilt");       // OK: command-named-event
  publishAll(producer, "tenant.provisioned");  // OK: command-named-event
  publishAll(producer, "images.resized");      // OK: command-named-event
  publishAll(producer, "mail.sent");           // OK: command-named-event
  publishAll(producer, "user.signed-up");      // OK: command-named-event (a particle, not the verb "up")
  // Nouns that are verbs too: things and properties, not instructions.
  publishAll(producer, "product.price");       // OK: command-named-event
  publishAll(producer, "sales.report");        // OK: command-named-event
  publishAll(producer, "customer.order");      // OK: command-named-event
  publishAll(producer, "audit.record");        // OK: command-named-event
  publishAll(producer, "user.address");        // OK: command-named-event
  publishAll(producer, "billing.job");         // OK: command-named-event
  // An act noun that is not the action of the name: the entity it is about.
  publishAll(producer, "provision.requests");  // OK: command-named-event
  publishAll(producer, "tenant.status");       // OK: command-named-event
}
