// A translation unit with errors, end to end: still a failure (exit 3), but
// what parsed is analysed, marked partial in every format, and cached as a
// failure until the missing header appears.
#include "Shell.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

using namespace flowshape::test;

namespace {

const char *const kMissingHeader = R"(#include "generated/schema.h"
#include <librdkafka/rdkafka.h>
#include <unistd.h>

void publishThenNap(rd_kafka_t *rk) {
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("orders.placed"), RD_KAFKA_V_END);
  usleep(1000);
}

void publishRecord(rd_kafka_t *rk, const schema::Record &record) {
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("records.stored"), RD_KAFKA_V_END);
}
)";

TEST(PartialUnit, AnalysedMarkedExitThreeAndCachedAsSuch) {
  TempProject project("partial");
  project.source("src/orders.cpp", kMissingHeader);
  project.database({"src/orders.cpp"});

  CommandResult json = project.flowshape({"-p", "build", "--format", "json", "--fail-on", "none"});
  EXPECT_EQ(json.code, 3) << json.out << json.err;
  nlohmann::json report = nlohmann::json::parse(json.out);
  ASSERT_EQ(report["failures"].size(), 1u) << json.out;
  EXPECT_EQ(report["failures"][0]["file"], "src/orders.cpp");
  EXPECT_EQ(report["failures"][0]["partial"], true);
  EXPECT_NE(report["failures"][0]["errors"][0].get<std::string>().find("'generated/schema.h' file not found"),
            std::string::npos);
  ASSERT_EQ(report["flows"].size(), 2u) << json.out;
  EXPECT_EQ(report["flows"][0]["function"], "publishThenNap");
  EXPECT_EQ(report["flows"][0]["shape"], "publish-then-block");
  EXPECT_EQ(report["flows"][0]["partial"], (nlohmann::json{{"unit", "src/orders.cpp"}, {"bodyErrors", false}}));
  EXPECT_EQ(report["flows"][1]["function"], "publishRecord");
  EXPECT_EQ(report["flows"][1]["partial"]["bodyErrors"], true);
  EXPECT_EQ(report["summary"]["findings"]["publish-then-block"], 1);

  CommandResult text = project.flowshape({"-p", "build", "--no-color", "--stats"});
  EXPECT_EQ(text.code, 1); // the finding outranks the failed unit
  EXPECT_NE(text.out.find("src/orders.cpp:1:1: error: translation unit has errors: only the functions that parsed "
                          "are analysed (partial)"),
            std::string::npos)
      << text.out;
  // Cached by the first run, with the missing header (CacheTest has more):
  // the same report again.
  EXPECT_NE(text.err.find("0 parsed, 1 from the cache"), std::string::npos) << text.err;
  CommandResult again = project.flowshape({"-p", "build", "--format", "json", "--fail-on", "none", "--stats"});
  EXPECT_EQ(again.out, json.out);
  EXPECT_NE(again.err.find("0 parsed, 1 from the cache"), std::string::npos) << again.err;
  // publishRecord and publishThenNap call nothing: two graphs of their own.
  EXPECT_NE(again.err.find("flowshape: link: 2 flows, 2 graphs built, "), std::string::npos) << again.err;
  EXPECT_NE(again.err.find(" junctions), 1 edge; the largest flow graph: "), std::string::npos) << again.err;

  CommandResult markdown = project.flowshape({"-p", "build", "--format", "markdown"});
  EXPECT_NE(markdown.out.find("1 file partially analysed"), std::string::npos) << markdown.out;
  EXPECT_NE(markdown.out.find("### Partially analysed"), std::string::npos) << markdown.out;
  EXPECT_EQ(markdown.out.find("### Not analysed"), std::string::npos) << markdown.out;

  CommandResult sarif = project.flowshape({"-p", "build", "--format", "sarif"});
  nlohmann::json notifications = nlohmann::json::parse(sarif.out)["runs"][0]["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(notifications.size(), 1u) << sarif.out;
  EXPECT_EQ(notifications[0]["descriptor"]["id"], "translation-unit-partially-analysed");

  // The build step that generates the header ran: parsed again, complete.
  project.source("src/generated/schema.h", "#pragma once\nnamespace schema { struct Record {}; }\n");
  CommandResult fixed = project.flowshape({"-p", "build", "--format", "json", "--fail-on", "none", "--stats"});
  EXPECT_EQ(fixed.code, 0) << fixed.out << fixed.err;
  EXPECT_NE(fixed.err.find("1 parsed, 0 from the cache"), std::string::npos) << fixed.err;
  EXPECT_TRUE(nlohmann::json::parse(fixed.out)["failures"].empty()) << fixed.out;
}

} // namespace
