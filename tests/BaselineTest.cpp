// Baselines: reading JSON and SARIF baselines (and rejecting malformed ones
// with the file and what is wrong), matching by line-independent
// fingerprints, stale entries, and the --baseline options end to end.
#include "Shell.h"

#include "review/Baseline.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

using namespace flowshape;
using namespace flowshape::test;

namespace {

std::string errorOf(const std::string &content) {
  try {
    parseBaseline("base.json", content);
  } catch (const BaselineError &error) {
    return error.what();
  }
  return "no error";
}

TEST(BaselineParse, FlowshapeJson) {
  Baseline b = parseBaseline("base.json", R"({"version": 1, "findings": [
    {"rule": "sync-over-queue", "file": "src/a.cpp", "line": 42, "message": "m", "fingerprint": "abc:1"}]})");
  EXPECT_EQ(b.format, "json");
  ASSERT_EQ(b.entries.size(), 1u);
  EXPECT_EQ(b.entries[0].fingerprint, "abc:1");
  EXPECT_EQ(b.entries[0].rule, "sync-over-queue");
  EXPECT_EQ(b.entries[0].file, "src/a.cpp");
  EXPECT_EQ(b.entries[0].line, 42u);
}

TEST(BaselineParse, SarifTakesFlowshapeRunsOnly) {
  Baseline b = parseBaseline("base.sarif", R"({"version": "2.1.0", "runs": [
    {"tool": {"driver": {"name": "clang-tidy"}}, "results": [{"ruleId": "x"}]},
    {"tool": {"driver": {"name": "flowshape"}}, "results": [
      {"ruleId": "sync-over-queue", "message": {"text": "m"},
       "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/a.cpp"}, "region": {"startLine": 7}}}],
       "partialFingerprints": {"flowshapeFingerprint/v1": "abc:1"}},
      {"ruleId": "sync-over-queue", "baselineState": "absent",
       "partialFingerprints": {"flowshapeFingerprint/v1": "gone:1"}}]}]})");
  EXPECT_EQ(b.format, "sarif");
  ASSERT_EQ(b.entries.size(), 1u); // the other tool's result and the absent one are not entries
  EXPECT_EQ(b.entries[0].fingerprint, "abc:1");
  EXPECT_EQ(b.entries[0].file, "src/a.cpp");
  EXPECT_EQ(b.entries[0].line, 7u);
  EXPECT_EQ(b.entries[0].message, "m");
}

TEST(BaselineParse, EmptyReportsAreValid) {
  EXPECT_TRUE(parseBaseline("b", R"({"version": 1, "findings": []})").entries.empty());
  EXPECT_TRUE(parseBaseline("b", R"({"runs": [{"tool": {"driver": {"name": "flowshape"}}, "results": []}]})")
                  .entries.empty());
}

TEST(BaselineParse, MalformedBaselinesSayWhereAndWhat) {
  EXPECT_EQ(errorOf(""), "base.json: the baseline is empty (expected a flowshape JSON report or a SARIF log)");
  std::string syntax = errorOf("{\n  \"findings\": [\n    {\"rule\": }\n  ]\n}\n");
  EXPECT_EQ(syntax.rfind("base.json:3:14: malformed JSON: ", 0), 0u) << syntax;
  EXPECT_EQ(errorOf("[1, 2]"), "base.json: not a baseline: expected a flowshape JSON report (with \"findings\") or a "
                               "SARIF log (with \"runs\")");
  EXPECT_EQ(errorOf(R"({"findings": {}})"), "base.json: /findings: must be an array");
  EXPECT_EQ(errorOf(R"({"findings": [{"rule": "x"}]})").rfind("base.json: /findings/0: the finding has no "
                                                              "\"fingerprint\"",
                                                              0),
            0u);
  EXPECT_EQ(errorOf(R"({"runs": [{"tool": {"driver": {"name": "flowshape"}}, "results": [{"ruleId": "x"}]}]})")
                .rfind("base.json: /runs/0/results/0: the result has no partialFingerprints "
                       "\"flowshapeFingerprint/v1\"",
                       0),
            0u);
  EXPECT_EQ(errorOf(R"({"runs": [{"tool": {"driver": {"name": "cppcheck"}}}]})"),
            "base.json: the SARIF log has no run of flowshape (tool.driver.name)");
  try {
    loadBaseline("/nonexistent/base.json");
    ADD_FAILURE() << "no error";
  } catch (const BaselineError &error) {
    EXPECT_EQ(std::string(error.what()), "/nonexistent/base.json: cannot read baseline: No such file or directory");
  }
}

Finding findingWith(const std::string &fingerprint, const std::string &file) {
  Finding f;
  f.rule = "sync-over-queue";
  f.fingerprint = fingerprint;
  f.loc.file = file;
  return f;
}

TEST(BaselineApply, MarksUnchangedNewAndStale) {
  Report report;
  report.root = "/p";
  report.findings = {findingWith("a:1", "/p/src/a.cpp"), findingWith("a:2", "/p/src/a.cpp"),
                     findingWith("b:1", "/p/src/b.cpp")};
  Baseline baseline;
  baseline.entries = {{"a:1", "sync-over-queue", "src/a.cpp", 3, "m"},
                      {"b:1", "sync-over-queue", "src/b.cpp", 9, "m"},
                      {"c:1", "publish-then-block", "src/c.cpp", 5, "fixed"},
                      {"d:1", "publish-then-block", "src/a.cpp", 7, "fixed"}};
  BaselineOutcome outcome = applyBaseline(report, baseline);
  EXPECT_EQ(report.findings[0].baselineState, "unchanged");
  EXPECT_EQ(report.findings[1].baselineState, "new");
  EXPECT_EQ(report.findings[2].baselineState, "unchanged");
  EXPECT_EQ(outcome.unchanged, 2u);
  EXPECT_EQ(outcome.added, 1u);
  ASSERT_EQ(outcome.stale.size(), 2u);
  EXPECT_EQ(outcome.stale[0].fingerprint, "d:1"); // sorted by file
  EXPECT_EQ(outcome.stale[1].fingerprint, "c:1");

  // A run over src/a.cpp only cannot tell about src/c.cpp.
  BaselineOutcome scoped = applyBaseline(report, baseline, {"src/a.cpp"});
  ASSERT_EQ(scoped.stale.size(), 1u);
  EXPECT_EQ(scoped.stale[0].fingerprint, "d:1");
}

class BaselineCli : public ::testing::Test {
protected:
  TempProject project{"baseline"};

  nlohmann::json json(const std::vector<std::string> &args) {
    std::vector<std::string> all = args;
    all.insert(all.end(), {"--format", "json"});
    CommandResult r = project.flowshape(all);
    return nlohmann::json::parse(r.out);
  }
};

TEST_F(BaselineCli, AcceptedFindingsDoNotFailAndMovingCodeKeepsThem) {
  project.source("src/orders.cpp", kPublishThenNap);
  project.database({"src/orders.cpp"});
  CommandResult first = project.flowshape({"-p", "build", "-o", "baseline.json", "--format", "json"});
  ASSERT_EQ(first.code, 1) << first.err;

  CommandResult again = project.flowshape({"-p", "build", "--baseline", "baseline.json", "--no-color"});
  EXPECT_EQ(again.code, 0) << again.out << again.err;
  EXPECT_NE(again.out.find("[flowshape-publish-then-block] (in baseline)"), std::string::npos) << again.out;
  EXPECT_EQ(again.err, "");

  // Moved down three lines, and indented differently: still the same finding.
  std::string moved = "// a header comment\n\n\n" + std::string(kPublishThenNap);
  moved.replace(moved.find("  usleep(1000);"), 15, "      usleep(1000);");
  project.source("src/orders.cpp", moved);
  nlohmann::json report = json({"-p", "build", "--baseline", "baseline.json"});
  ASSERT_EQ(report["findings"].size(), 1u);
  EXPECT_EQ(report["findings"][0]["line"], 9);
  EXPECT_EQ(report["findings"][0]["baselineState"], "unchanged");
  EXPECT_EQ(project.flowshape({"-p", "build", "--baseline", "baseline.json"}).code, 0);

  // A new finding fails the run; the accepted one still does not count.
  std::string billing = kPublishThenNap;
  billing.replace(billing.find("publishThenNap"), 14, "chargeThenNap");
  project.source("src/billing.cpp", billing);
  project.database({"src/orders.cpp", "src/billing.cpp"});
  CommandResult added = project.flowshape({"-p", "build", "--baseline", "baseline.json", "--format", "json"});
  EXPECT_EQ(added.code, 1);
  nlohmann::json both = nlohmann::json::parse(added.out);
  ASSERT_EQ(both["findings"].size(), 2u);
  EXPECT_EQ(both["findings"][0]["file"], "src/billing.cpp");
  EXPECT_EQ(both["findings"][0]["baselineState"], "new");
  EXPECT_EQ(both["findings"][1]["baselineState"], "unchanged");
}

TEST_F(BaselineCli, SarifBaselineMatchesByFlowshapeFingerprint) {
  project.source("src/orders.cpp", kPublishThenNap);
  project.database({"src/orders.cpp"});
  nlohmann::json report = json({"-p", "build"});
  ASSERT_EQ(report["findings"].size(), 1u);
  nlohmann::json sarif = {
      {"version", "2.1.0"},
      {"runs",
       {{{"tool", {{"driver", {{"name", "flowshape"}}}}},
         {"results",
          {{{"ruleId", "publish-then-block"},
            {"message", {{"text", "m"}}},
            {"partialFingerprints", {{"flowshapeFingerprint/v1", report["findings"][0]["fingerprint"]}}}}}}}}}};
  writeFile(project.root + "/baseline.sarif", sarif.dump(2));
  CommandResult r = project.flowshape({"-p", "build", "--baseline", "baseline.sarif"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
}

TEST_F(BaselineCli, StaleEntriesWarnFailOrAreIgnored) {
  project.source("src/orders.cpp", kPublishThenNap);
  project.database({"src/orders.cpp"});
  ASSERT_EQ(project.flowshape({"-p", "build", "-o", "baseline.json", "--format", "json"}).code, 1);
  project.source("src/orders.cpp", kPublishOnly); // the finding is fixed

  CommandResult warn = project.flowshape({"-p", "build", "--baseline", "baseline.json"});
  EXPECT_EQ(warn.code, 0);
  EXPECT_EQ(warn.err.rfind("flowshape: warning: baseline.json: 1 baseline entry no longer occurs: refresh the "
                           "baseline (docs/ci.md)\n  src/orders.cpp:6: publish-then-block: publishes 'orders.placed'",
                           0),
            0u)
      << warn.err;

  CommandResult error = project.flowshape({"-p", "build", "--baseline", "baseline.json", "--baseline-stale", "error",
                                           "-o", "report.txt"});
  EXPECT_EQ(error.code, 2);
  EXPECT_EQ(error.err.rfind("flowshape: error: baseline.json: 1 baseline entry no longer occurs", 0), 0u) << error.err;
  EXPECT_NE(readFile(project.root + "/report.txt").find("1 file, 1 flow"), std::string::npos); // still written

  CommandResult ignore = project.flowshape({"-p", "build", "--baseline", "baseline.json", "--baseline-stale", "ignore"});
  EXPECT_EQ(ignore.code, 0);
  EXPECT_EQ(ignore.err, "");

  CommandResult bad = project.flowshape({"-p", "build", "--baseline-stale", "maybe"});
  EXPECT_EQ(bad.code, 2);
}

TEST_F(BaselineCli, MalformedBaselineExitsTwoBeforeAnalysing) {
  project.source("src/orders.cpp", kPublishThenNap);
  project.database({"src/orders.cpp"});
  writeFile(project.root + "/baseline.json", "{\"findings\": [\n  {\"fingerprint\": 12,\n");
  CommandResult r = project.flowshape({"-p", "build", "--baseline", "baseline.json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err.rfind("flowshape: error: baseline.json:", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("malformed JSON"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  CommandResult missing = project.flowshape({"-p", "build", "--baseline", "nope.json"});
  EXPECT_EQ(missing.code, 2);
  EXPECT_EQ(missing.err, "flowshape: error: nope.json: cannot read baseline: No such file or directory\n");
}

} // namespace
