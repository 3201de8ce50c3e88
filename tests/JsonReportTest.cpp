// The JSON report follows the SPEC's schema: versioned, with findings,
// flows and a summary, and paths relative to the project root.
#include "driver/Analysis.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "llvm/Support/raw_ostream.h"

using namespace flowshape;

namespace {

const std::string kTestdata = std::string(FLOWSHAPE_SOURCE_DIR) + "/testdata";

nlohmann::json reportOf(const std::string &relativeFile, std::string *bytes = nullptr) {
  AnalysisRequest request;
  request.root = kTestdata;
  std::string file = kTestdata + "/" + relativeFile;
  request.commands.push_back({file, kTestdata, {"clang++", "-std=c++20", "-isystem", kTestdata + "/include", file}});
  Report report = analyze(request);
  std::string out;
  llvm::raw_string_ostream os(out);
  writeJson(report, os);
  os.flush();
  if (bytes)
    *bytes = out;
  return nlohmann::json::parse(out);
}

TEST(JsonReport, FollowsTheSpecSchema) {
  nlohmann::json json = reportOf("rules/sync-over-queue/promise_completed_by_consumer.cpp");
  EXPECT_EQ(json["version"], 1);
  ASSERT_TRUE(json["findings"].is_array());
  ASSERT_FALSE(json["findings"].empty());
  const auto &f = json["findings"][0];
  EXPECT_EQ(f["rule"], "sync-over-queue");
  EXPECT_EQ(f["severity"], "warning");
  EXPECT_EQ(f["file"], "rules/sync-over-queue/promise_completed_by_consumer.cpp");
  EXPECT_EQ(f["line"], 22);
  EXPECT_GT(f["column"].get<int>(), 0);
  EXPECT_EQ(f["function"], "PricingClient::quote");
  EXPECT_TRUE(f["message"].is_string());
  ASSERT_TRUE(f["evidence"].is_array());
  bool publish = false, completion = false;
  for (const auto &e : f["evidence"]) {
    for (const char *key : {"role", "file", "line", "api"})
      EXPECT_TRUE(e.contains(key)) << key;
    publish = publish || (e["role"] == "publish" && e["line"] == 20 && e["api"] == "RdKafka::Producer::produce");
    completion = completion || (e["kind"] == "completed-by" && e["line"] == 38);
  }
  EXPECT_TRUE(publish);
  EXPECT_TRUE(completion);

  ASSERT_TRUE(json["flows"].is_array());
  const nlohmann::json *quote = nullptr;
  for (const auto &flow : json["flows"])
    if (flow["function"] == "PricingClient::quote")
      quote = &flow;
  ASSERT_NE(quote, nullptr);
  EXPECT_EQ((*quote)["file"], "rules/sync-over-queue/promise_completed_by_consumer.cpp");
  EXPECT_EQ((*quote)["line"], 13);
  EXPECT_EQ((*quote)["shape"], "messaging-request-reply");
  ASSERT_FALSE((*quote)["interactions"].empty());
  for (const auto &i : (*quote)["interactions"]) {
    EXPECT_TRUE(i["role"].is_string());
    EXPECT_TRUE(i["line"].is_number());
    EXPECT_TRUE(i["api"].is_string());
    EXPECT_TRUE(i["via"].is_array());
  }

  const auto &summary = json["summary"];
  EXPECT_EQ(summary["files"], 1);
  EXPECT_EQ(summary["flows"], json["flows"].size());
  EXPECT_EQ(summary["shapes"]["messaging-request-reply"], 2);
  EXPECT_EQ(summary["shapes"]["event-driven"], 1);
  EXPECT_EQ(summary["findings"]["sync-over-queue"], 2);
  EXPECT_EQ(summary["findings"]["unbounded-reply-wait"], 1);
}

TEST(JsonReport, SameInputSameBytes) {
  std::string first, second;
  reportOf("rules/unbounded-reply-wait/consume_forever.cpp", &first);
  reportOf("rules/unbounded-reply-wait/consume_forever.cpp", &second);
  EXPECT_EQ(first, second);
}

TEST(JsonReport, WrapperCallsCarryTheirChain) {
  nlohmann::json json = reportOf("rules/command-named-event/event_names.cpp");
  bool viaWrapper = false;
  for (const auto &flow : json["flows"])
    if (flow["function"] == "emit")
      for (const auto &i : flow["interactions"])
        viaWrapper = viaWrapper || (i["via"] == nlohmann::json::array({"EventBus::publish"}) && i["role"] == "publish" &&
                                    i["destination"] == "payment.capture");
  EXPECT_TRUE(viaWrapper);
}

} // namespace
