// The catalog schema's newer keys: command words, timeout_after, and the
// rule that an entry gives its timeout one way only.
#include "flowshape/Catalog.h"

#include <gtest/gtest.h>

using namespace flowshape;

namespace {

std::string loadError(const std::string &yaml) {
  try {
    Catalog catalog;
    catalog.load("test.yaml", yaml);
  } catch (const CatalogError &e) {
    return e.what();
  }
  return {};
}

TEST(CatalogSchema, CommandWordsParse) {
  Catalog catalog;
  catalog.load("test.yaml", R"(library: t
description: d
apis:
  - {name: redisCommand, role: receive, object_arg: 0, command_arg: 1, destination_word: 1, timeout_word: -1,
     infinite: ["0"], when: {arg: 1, matches: "^BLPOP "}}
  - {name: redisCommand, role: fact, fact: consumes, object_arg: 0, command_arg: 1, value_word: 1}
  - {name: redisCommand, role: receive, command_arg: 1, destination_after: "^STREAMS$", timeout_after: "^BLOCK$"}
)");
  ASSERT_EQ(catalog.entries().size(), 3u);
  const ApiEntry &pop = *catalog.entries()[0];
  EXPECT_EQ(pop.commandArg, 1);
  ASSERT_TRUE(pop.destinationWord.has_value());
  EXPECT_EQ(*pop.destinationWord, 1);
  ASSERT_TRUE(pop.timeoutWord.has_value());
  EXPECT_EQ(*pop.timeoutWord, -1);
  EXPECT_FALSE(pop.valueWord.has_value());
  EXPECT_EQ(*catalog.entries()[1]->valueWord, 1);
  EXPECT_EQ(catalog.entries()[2]->timeoutAfter, "^BLOCK$");
}

TEST(CatalogSchema, WordsNeedACommand) {
  std::string error = loadError("library: t\ndescription: d\napis:\n  - {name: f, role: publish, destination_word: 1}\n");
  EXPECT_NE(error.find("test.yaml:4:"), std::string::npos) << error;
  EXPECT_NE(error.find("need 'command_arg'"), std::string::npos) << error;
}

TEST(CatalogSchema, OneWayToGiveATimeout) {
  std::string error = loadError(
      "library: t\ndescription: d\napis:\n  - {name: f, role: receive, timeout_arg: 1, timeout_fact: receive-timeout}\n");
  EXPECT_NE(error.find("give the timeout one way"), std::string::npos) << error;
}

TEST(CatalogSchema, InvalidTimeoutAfterRegex) {
  std::string error =
      loadError("library: t\ndescription: d\napis:\n  - {name: f, role: receive, timeout_after: \"(BLOCK\"}\n");
  EXPECT_NE(error.find("invalid regular expression"), std::string::npos) << error;
}

TEST(CatalogSchema, FactNeedsAValue) {
  std::string error = loadError("library: t\ndescription: d\napis:\n  - {name: f, role: fact, fact: consumes}\n");
  EXPECT_NE(error.find("'value_arg' (or 'value_word', or a fixed 'value')"), std::string::npos) << error;
}

TEST(CatalogSchema, FixedFactValueAndAwaitedTimeoutParse) {
  Catalog catalog;
  catalog.load("test.yaml", R"(library: t
description: d
apis:
  - {name: nng_req0_open, role: fact, fact: socket-type, object_arg: 0, value: req}
  - {name: rclcpp::Client::async_send_request, role: broker-request, timeout: awaited}
)");
  ASSERT_EQ(catalog.entries().size(), 2u);
  EXPECT_EQ(catalog.entries()[0]->factValue, "req");
  EXPECT_EQ(catalog.entries()[1]->timeout, "awaited");
}

TEST(CatalogSchema, AwaitedIsForBrokerRequests) {
  std::string error =
      loadError("library: t\ndescription: d\napis:\n  - {name: f, role: receive, timeout: awaited}\n");
  EXPECT_NE(error.find("test.yaml:4:"), std::string::npos) << error;
  EXPECT_NE(error.find("'timeout: awaited' is for broker requests"), std::string::npos) << error;
}

TEST(CatalogSchema, BuiltinCatalogsLoad) {
  const Catalog &catalog = Catalog::builtin();
  for (const char *name : {"zmq::socket_t::send", "zmq_send", "mqtt::async_client::publish", "MQTTClient_publish",
                           "redisCommand", "sw::redis::Redis::blpop", "web::http::client::http_client::request",
                           "boost::future::get", "boost::beast::http::read", "mosquitto_publish_v5", "nng_send",
                           "nn_send", "rclcpp::Client::async_send_request", "google::cloud::pubsub::Publisher::Publish",
                           "Aws::SQS::SQSClient::ReceiveMessage", "pulsar::Producer::send", "cms::MessageConsumer::receive",
                           "proton::sender::send", "mqtt::topic::publish"})
    EXPECT_NE(catalog.byName(name), nullptr) << name;
}

} // namespace

namespace {

// One case per kind of malformed catalog: one line, "file:line:col: what".
TEST(CatalogSchema, MalformedCatalogsNameFileLineAndProblem) {
  const std::pair<const char *, const char *> cases[] = {
      {"library: t\ndescription: d\napis: [\n", "test.yaml:3:8: Could not find closing ]!"},
      {"description: d\napis:\n  - {name: f, role: publish}\n", "test.yaml:1:1: missing required key 'library'"},
      {"library: t\ndescription: d\napis: []\n", "test.yaml:1:1: catalog 't' has no entries"},
      {"library: t\ndescription: d\napis:\n  - {name: f, role: shout}\n", "test.yaml:4:21: unknown enumerated scalar"},
      {"library: t\ndescription: d\napis:\n  - {name: f, role: publish, colour: red}\n", "test.yaml:4:30: unknown key 'colour'"},
      {"library: t\ndescription: d\napis:\n  - {name: f, role: publish, arity: many}\n", "test.yaml:4:37: invalid number"},
      {"library: t\ndescription: d\napis:\n  - {role: publish}\n", "test.yaml:4:6: an entry needs exactly one of"},
      {"- a\n- b\n", "test.yaml:1:1: not a mapping"},
  };
  for (const auto &[yaml, expected] : cases) {
    std::string error = loadError(yaml);
    EXPECT_EQ(error.rfind(expected, 0), 0u) << yaml << "\n" << error;
    EXPECT_EQ(error.find('\n'), std::string::npos) << error;
  }
}

} // namespace
