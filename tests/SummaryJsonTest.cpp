// Summaries survive a trip through JSON unchanged, and malformed JSON is an
// error, never a crash or a half-read summary.
#include "ProjectFixture.h"

#include "summary/SummaryJson.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace flowshape;
using namespace flowshape::test;
using nlohmann::json;

namespace {

ExtractedUnits unitsOf(const std::string &folder) {
  AnalysisRequest request;
  request.root = testdataDir();
  request.commands = commandsForFolder(testdataDir() + "/" + folder);
  return extractUnits(request);
}

ExtractedUnits demoUnits() { return unitsOf("demo"); }

// Every field that changes a report must survive: checked on inputs that
// exercise loops, facts, callbacks, aliases and fact-decided roles.
class SummaryJsonRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(SummaryJsonRoundTrip, KeepsEverything) {
  ExtractedUnits units = unitsOf(GetParam());
  ASSERT_FALSE(units.units.empty());
  std::string direct = jsonOf(reportUnits(units, ""));
  ExtractedUnits reread = units;
  reread.units.clear();
  for (const TranslationUnitSummary &unit : units.units) {
    json once = summaryToJson(unit);
    TranslationUnitSummary back = summaryFromJson(json::parse(once.dump()));
    EXPECT_EQ(summaryToJson(back), once) << unit.mainFile;
    EXPECT_EQ(back.functions.size(), unit.functions.size());
    EXPECT_EQ(back.facts.size(), unit.facts.size());
    reread.units.push_back(std::move(back));
  }
  EXPECT_EQ(jsonOf(reportUnits(reread, "")), direct);
}

INSTANTIATE_TEST_SUITE_P(Folders, SummaryJsonRoundTrip,
                         ::testing::Values("demo", "rules/publish-then-block", "rules/sync-over-queue",
                                           "catalog/cppzmq", "catalog/paho-mqtt-cpp", "xtu/rpc_over_queue", "partial"),
                         [](const auto &info) {
                           std::string name;
                           for (char c : info.param)
                             name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

TEST(SummaryJson, MalformedInputIsAnError) {
  ExtractedUnits units = demoUnits();
  const TranslationUnitSummary *withEvents = nullptr;
  for (const TranslationUnitSummary &unit : units.units)
    for (const FunctionSummary &fn : unit.functions)
      if (!withEvents && fn.events.size() >= 2)
        withEvents = &unit;
  ASSERT_NE(withEvents, nullptr);
  json good = summaryToJson(*withEvents);
  size_t fn = 0;
  while (good["functions"][fn]["events"].size() < 2)
    ++fn;

  std::vector<std::pair<std::string, json>> cases;
  json j = good;
  j["format"] = kSummaryFormatVersion + 1;
  cases.emplace_back("another format version", j);
  j = good;
  j["functions"][fn]["next"][0].push_back(json::array({99999, json::array()}));
  cases.emplace_back("edge to a missing event", j);
  j = good;
  j["functions"][fn]["events"][0]["loc"][0] = 4096;
  cases.emplace_back("location in an unknown file", j);
  j = good;
  j["functions"][fn]["events"][0]["role"] = "teleport";
  cases.emplace_back("unknown role", j);
  j = good;
  j["functions"][fn]["events"][0]["loc"] = "here";
  cases.emplace_back("location of the wrong type", j);
  j = good;
  j["functions"][fn]["exits"].erase(0);
  cases.emplace_back("exits of the wrong size", j);
  j = good;
  j["functions"][fn].erase("usr");
  cases.emplace_back("missing usr", j);
  j = good;
  j["functions"] = 3;
  cases.emplace_back("functions not an array", j);
  for (const auto &[what, input] : cases)
    EXPECT_THROW(summaryFromJson(input), SummaryFormatError) << what;
}

} // namespace
