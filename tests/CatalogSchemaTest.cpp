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
  EXPECT_NE(error.find("'value_arg' (or 'value_word')"), std::string::npos) << error;
}

TEST(CatalogSchema, BuiltinCatalogsLoad) {
  const Catalog &catalog = Catalog::builtin();
  for (const char *name : {"zmq::socket_t::send", "zmq_send", "mqtt::async_client::publish", "MQTTClient_publish",
                           "redisCommand", "sw::redis::Redis::blpop", "web::http::client::http_client::request",
                           "boost::future::get", "boost::beast::http::read"})
    EXPECT_NE(catalog.byName(name), nullptr) << name;
}

} // namespace
