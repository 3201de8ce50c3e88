// One warning per root cause (report/FindingGroups.h) in every format, on
// testdata/xtu/one_helper_many_flows (one helper called from seven flows, a
// flow calling it twice, a second helper with the same body) and on
// synthetic reports (rootCauseReport): the text note, SARIF related
// locations and member fingerprints, baselines across grouped and ungrouped
// SARIF, Markdown rows and JSON group ids.
#include "ProjectFixture.h"
#include "SampleReport.h"
#include "Shell.h"

#include "report/FindingGroups.h"
#include "review/Baseline.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <map>
#include <random>

using namespace flowshape;
using namespace flowshape::test;
using nlohmann::json;

namespace {

const Report &caseReport() {
  static const Report report = [] {
    AnalysisRequest request;
    request.root = testdataDir();
    request.commands = commandsForFolder(testdataDir() + "/xtu/one_helper_many_flows");
    return analyze(request);
  }();
  return report;
}

Report withGrouping(Report report, Grouping grouping) {
  report.grouping = grouping;
  return report;
}

template <typename Write> std::string written(Write write) {
  std::string text;
  llvm::raw_string_ostream os(text);
  write(os);
  os.flush();
  return text;
}

std::string textOf(const Report &report) {
  return written([&](llvm::raw_ostream &os) { writeText(report, os, TextOptions{false, false, false}); });
}
std::string sarifOf(const Report &report) {
  return written([&](llvm::raw_ostream &os) { writeSarif(report, os); });
}
std::string markdownOf(const Report &report) {
  return written([&](llvm::raw_ostream &os) { writeMarkdown(report, os); });
}

size_t count(const std::string &text, const std::string &what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

// The findings of one rule in one flow, in line order.
std::vector<const Finding *> findingsOf(const Report &report, const std::string &rule, const std::string &function) {
  std::vector<const Finding *> out;
  for (const Finding &f : report.findings)
    if (f.rule == rule && f.function == function)
      out.push_back(&f);
  return out;
}

const json *resultAt(const json &sarif, const std::string &rule, const std::string &uri, unsigned line) {
  for (const json &result : sarif["runs"][0]["results"]) {
    const json &where = result["locations"][0]["physicalLocation"];
    if (result["ruleId"] == rule && where["artifactLocation"]["uri"] == uri && where["region"]["startLine"] == line)
      return &result;
  }
  return nullptr;
}

TEST(Grouping, CaseParsesAndEveryFindingStays) {
  const Report &report = caseReport();
  EXPECT_TRUE(report.failures.empty());
  // Seven flows call ask() (amend_order twice), two call ask_stock(); the
  // helpers report their own unbounded wait.
  EXPECT_EQ(report.findings.size(), 22u);
}

TEST(Grouping, TextPrintsOneDiagnosticPerRootCauseWithTheOtherFlows) {
  std::string text = textOf(caseReport());
  EXPECT_EQ(count(text, "[flowshape-unbounded-reply-wait]"), 3u) << text;
  EXPECT_EQ(count(text, "[flowshape-broker-request-reply]"), 3u) << text;
  // The representative is the first finding in the reports' order.
  EXPECT_NE(text.find("xtu/one_helper_many_flows/billing.c:11:8: warning: the broker request waits for its reply"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("xtu/one_helper_many_flows/requests.c:20:21: note: also reached from 7 other flows: refund, "
                      "invoice, quote_order, place_order, cancel_order and 2 more\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("xtu/one_helper_many_flows/requests.c:19:3: note: also reached from 6 other flows: refund, "
                      "invoice, quote_order, place_order, cancel_order and 1 more\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("note: also reached from 1 other flow: release_stock\n"), std::string::npos) << text;
  EXPECT_NE(text.find(", 22 findings in 6 root causes (12 warnings, 10 notes)\n"), std::string::npos) << text;
}

TEST(Grouping, TwoHelpersAndTwoCallSitesOfOneFlowStaySeparate) {
  const Report &report = caseReport();
  std::map<const Finding *, const FindingGroup *> groupOf;
  std::vector<FindingGroup> groups = groupFindings(report.findings, Grouping::RootCause);
  for (const FindingGroup &group : groups)
    for (const Finding *member : group.members)
      groupOf[member] = &group;
  ASSERT_EQ(groups.size(), 6u);
  for (const char *rule : {"unbounded-reply-wait", "broker-request-reply"}) {
    const FindingGroup *ask = groupOf[findingsOf(report, rule, "charge").at(0)];
    const FindingGroup *stock = groupOf[findingsOf(report, rule, "reserve_stock").at(0)];
    EXPECT_NE(ask, stock) << rule;
    EXPECT_EQ(groupOf[findingsOf(report, rule, "release_stock").at(0)], stock) << rule;
    std::vector<const Finding *> amend = findingsOf(report, rule, "amend_order");
    ASSERT_EQ(amend.size(), 2u) << rule;
    EXPECT_EQ(groupOf[amend[0]], ask) << rule;
    EXPECT_NE(groupOf[amend[1]], ask) << rule;
    EXPECT_EQ(groupOf[amend[1]]->members.size(), 1u) << rule;
    // A group holds each flow once.
    std::set<std::string> flows;
    for (const Finding *member : ask->members)
      EXPECT_TRUE(flows.insert(member->function).second) << member->function;
  }
  // The helper's own finding (no call chain) joins its callers'.
  const FindingGroup *wait = groupOf[findingsOf(report, "unbounded-reply-wait", "ask").at(0)];
  EXPECT_EQ(wait, groupOf[findingsOf(report, "unbounded-reply-wait", "charge").at(0)]);
  EXPECT_EQ(wait->members.size(), 8u);
}

TEST(Grouping, NoneKeepsOneDiagnosticPerFinding) {
  std::string text = textOf(withGrouping(caseReport(), Grouping::None));
  EXPECT_EQ(count(text, "[flowshape-"), 22u) << text;
  EXPECT_EQ(text.find("also reached from"), std::string::npos) << text;
  EXPECT_EQ(text.find("root cause"), std::string::npos) << text;
  EXPECT_NE(text.find(", 22 findings (12 warnings, 10 notes)\n"), std::string::npos) << text;
  json sarif = json::parse(sarifOf(withGrouping(caseReport(), Grouping::None)));
  EXPECT_EQ(sarif["runs"][0]["results"].size(), 22u);
}

TEST(Grouping, SarifResultPerGroupWithOtherFlowsAndMemberFingerprints) {
  const Report &report = caseReport();
  json sarif = json::parse(sarifOf(report));
  ASSERT_EQ(sarif["runs"][0]["results"].size(), 6u);
  const json *result = resultAt(sarif, "unbounded-reply-wait", "xtu/one_helper_many_flows/billing.c", 11);
  ASSERT_NE(result, nullptr) << sarif.dump(2);
  EXPECT_NE((*result)["message"]["text"].get<std::string>().find("(also reached from [7 other flows](3))"),
            std::string::npos)
      << (*result)["message"];
  // Two evidence notes, then the seven other flows where each enters the root cause.
  const json &related = (*result)["relatedLocations"];
  ASSERT_EQ(related.size(), 9u);
  EXPECT_EQ(related[2]["id"], 3);
  EXPECT_EQ(related[2]["message"]["text"], "also reached from flow refund");
  EXPECT_EQ(related[2]["logicalLocations"][0]["fullyQualifiedName"], "refund");
  EXPECT_EQ(related[2]["physicalLocation"]["artifactLocation"]["uri"], "xtu/one_helper_many_flows/billing.c");

  const Finding &charge = *findingsOf(report, "unbounded-reply-wait", "charge").at(0);
  EXPECT_EQ((*result)["partialFingerprints"]["flowshapeFingerprint/v1"], charge.fingerprint);
  std::vector<std::string> expected;
  for (const FindingGroup &group : groupFindings(report.findings, Grouping::RootCause))
    if (&group.representative() == &charge)
      for (const Finding *member : group.members)
        expected.push_back(member->fingerprint);
  ASSERT_EQ(expected.size(), 8u);
  EXPECT_EQ((*result)["properties"]["flowshape/memberFingerprints"], json(expected));
  const json &locations = (*result)["properties"]["flowshape/memberLocations"];
  ASSERT_EQ(locations.size(), 8u);
  EXPECT_EQ(locations[7]["uri"], "xtu/one_helper_many_flows/requests.c");
  EXPECT_EQ(locations[7]["function"], "ask");
  EXPECT_FALSE((*result)["properties"].contains("flowshape/otherFlowsNotInRelatedLocations"));

  // A result of one finding is as it was before grouping: no properties.
  const json *single = resultAt(sarif, "unbounded-reply-wait", "xtu/one_helper_many_flows/orders.c", 32);
  ASSERT_NE(single, nullptr);
  EXPECT_FALSE(single->contains("properties"));
}

TEST(Grouping, SarifBaselinesMatchAcrossGroupedAndUngroupedReports) {
  std::string grouped = sarifOf(caseReport());
  std::string ungrouped = sarifOf(withGrouping(caseReport(), Grouping::None));
  for (const std::string *written : {&grouped, &ungrouped}) {
    Baseline baseline = parseBaseline("baseline.sarif", *written);
    EXPECT_EQ(baseline.entries.size(), 22u);
    for (Grouping now : {Grouping::RootCause, Grouping::None}) {
      Report report = withGrouping(caseReport(), now);
      BaselineOutcome outcome = applyBaseline(report, baseline);
      EXPECT_EQ(outcome.unchanged, 22u);
      EXPECT_EQ(outcome.added, 0u);
      EXPECT_TRUE(outcome.stale.empty());
      // Every result is in the baseline; nothing is new.
      json sarif = json::parse(sarifOf(report));
      for (const json &result : sarif["runs"][0]["results"])
        EXPECT_EQ(result["baselineState"], "unchanged");
    }
  }
  // A member gone from the code is stale where it was, not where its
  // group's representative is.
  Report fewer = caseReport();
  fewer.findings.erase(std::remove_if(fewer.findings.begin(), fewer.findings.end(),
                                      [](const Finding &f) { return f.function == "ask"; }),
                       fewer.findings.end());
  BaselineOutcome outcome = applyBaseline(fewer, parseBaseline("baseline.sarif", grouped));
  ASSERT_EQ(outcome.stale.size(), 1u);
  EXPECT_EQ(outcome.stale[0].file, "xtu/one_helper_many_flows/requests.c");
  EXPECT_EQ(outcome.stale[0].line, 20u);
  EXPECT_EQ(outcome.unchanged, 21u);
}

TEST(Grouping, BaselineStatesAndSuppressionsSplitGroups) {
  Report report = caseReport();
  // A new flow reaching a known root cause is new on its own; a flow whose
  // call is suppressed leaves the others reported.
  for (Finding &f : report.findings) {
    f.baselineState = f.function == "refund" ? "new" : "unchanged";
    if (f.function == "invoice")
      f.suppression = Suppression{"nolint", "pricing answers fast", f.loc};
  }
  std::string text = textOf(report);
  EXPECT_NE(text.find("billing.c:11:8: warning: the broker request waits for its reply without a timeout: the "
                      "caller hangs as long as the responder does [flowshape-unbounded-reply-wait] (in baseline)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("note: also reached from 5 other flows: quote_order, place_order, cancel_order, amend_order, "
                      "ask\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("billing.c:17:8: warning: the broker request waits for its reply without a timeout: the "
                      "caller hangs as long as the responder does [flowshape-unbounded-reply-wait]\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("invoice"), std::string::npos) << text;

  json sarif = json::parse(sarifOf(report));
  const json *suppressed = resultAt(sarif, "unbounded-reply-wait", "xtu/one_helper_many_flows/billing.c", 23);
  ASSERT_NE(suppressed, nullptr);
  EXPECT_EQ((*suppressed)["suppressions"][0]["justification"], "pricing answers fast");
  const json *fresh = resultAt(sarif, "unbounded-reply-wait", "xtu/one_helper_many_flows/billing.c", 17);
  ASSERT_NE(fresh, nullptr);
  EXPECT_EQ((*fresh)["baselineState"], "new");
  EXPECT_FALSE(fresh->contains("properties"));
}

TEST(Grouping, AllSuppressedGroupIsSuppressedWithEveryReason) {
  SampleReport sample;
  Report report = rootCauseReport(sample, 3);
  std::string text = textOf(report);
  EXPECT_EQ(text.find("broker-request-reply"), std::string::npos) << text;
  EXPECT_NE(text.find("note: also reached from 2 other flows: shop::Flow001, shop::Flow002\n"), std::string::npos)
      << text;
  json sarif = json::parse(sarifOf(report));
  const json *quiet = nullptr;
  for (const json &result : sarif["runs"][0]["results"])
    if (result["ruleId"] == "broker-request-reply")
      quiet = &result;
  ASSERT_NE(quiet, nullptr);
  ASSERT_EQ((*quiet)["suppressions"].size(), 2u);
  EXPECT_EQ((*quiet)["suppressions"][0]["justification"], "reason 0");
  EXPECT_EQ((*quiet)["suppressions"][1]["justification"], "reason 1");
  EXPECT_EQ(sarif["runs"][0]["results"].size(), 2u);
}

TEST(Grouping, SarifRelatedLocationsOfOtherFlowsAreCapped) {
  SampleReport sample;
  Report report = rootCauseReport(sample, 150);
  json sarif = json::parse(sarifOf(report));
  const json &result = sarif["runs"][0]["results"][0];
  ASSERT_EQ(result["ruleId"], "unbounded-reply-wait");
  EXPECT_EQ(result["relatedLocations"].size(), 1u + 100u); // the evidence note, then 100 of 149 flows
  EXPECT_EQ(result["properties"]["flowshape/otherFlowsNotInRelatedLocations"], 49);
  EXPECT_EQ(result["properties"]["flowshape/memberFingerprints"].size(), 150u);
  EXPECT_EQ(parseBaseline("b.sarif", sarifOf(report)).entries.size(), 152u);
  std::string text = textOf(report);
  EXPECT_NE(text.find("note: also reached from 149 other flows: shop::Flow010, shop::Flow020, shop::Flow030, "
                      "shop::Flow040, shop::Flow050 and 144 more\n"),
            std::string::npos)
      << text;
}

TEST(Grouping, OutputDoesNotDependOnTheOrderOfFindings) {
  SampleReport sample;
  Report report = rootCauseReport(sample, 40);
  std::string sarif = sarifOf(report), text = textOf(report), markdown = markdownOf(report);
  std::mt19937 random(7);
  for (int round = 0; round < 3; ++round) {
    std::shuffle(report.findings.begin(), report.findings.end(), random);
    EXPECT_EQ(sarifOf(report), sarif);
    EXPECT_EQ(textOf(report), text);
    EXPECT_EQ(markdownOf(report), markdown);
  }
}

TEST(Grouping, MarkdownRowPerGroupWithTheFlowsThatReachIt) {
  std::string markdown = markdownOf(caseReport());
  EXPECT_NE(markdown.find("**22 findings** (12 warnings, 10 notes) from 6 root causes in 11 flows of 3 files."),
            std::string::npos)
      << markdown;
  EXPECT_EQ(count(markdown, "| `unbounded-reply-wait` |"), 3u) << markdown;
  EXPECT_NE(markdown.find("caller hangs as long as the responder does (reached from 8 flows: `charge`, `refund`, "
                          "`invoice`, `quote_order`, `place_order` and 3 more) |"),
            std::string::npos)
      << markdown;
  EXPECT_NE(markdown.find("(reached from 2 flows: `reserve_stock`, `release_stock`) |"), std::string::npos)
      << markdown;
  std::string ungrouped = markdownOf(withGrouping(caseReport(), Grouping::None));
  EXPECT_EQ(count(ungrouped, "| `unbounded-reply-wait` |"), 12u) << ungrouped;
  EXPECT_EQ(ungrouped.find("reached from"), std::string::npos) << ungrouped;
  EXPECT_EQ(ungrouped.find("root cause"), std::string::npos) << ungrouped;
}

TEST(Grouping, JsonListsEveryFindingWithItsGroup) {
  const Report &report = caseReport();
  std::string text = jsonOf(report);
  EXPECT_EQ(jsonOf(withGrouping(report, Grouping::None)), text); // --group does not change the JSON
  json out = json::parse(text);
  ASSERT_EQ(out["findings"].size(), 22u);
  std::map<std::string, std::set<std::string>> flowsByGroup;
  std::set<std::string> fingerprints;
  for (const json &f : out["findings"]) {
    ASSERT_TRUE(f["group"].is_string()) << f.dump(2);
    flowsByGroup[f["group"]].insert(f["function"].get<std::string>());
    fingerprints.insert(f["fingerprint"].get<std::string>());
  }
  EXPECT_EQ(flowsByGroup.size(), 6u);
  for (const auto &[group, flows] : flowsByGroup)
    EXPECT_TRUE(fingerprints.count(group)) << group << ": a group is named by its representative's fingerprint";
  const Finding &charge = *findingsOf(report, "unbounded-reply-wait", "charge").at(0);
  EXPECT_EQ(flowsByGroup[charge.fingerprint],
            (std::set<std::string>{"charge", "refund", "invoice", "quote_order", "place_order", "cancel_order",
                                   "amend_order", "ask"}));
}

// --group chooses the presentation only: the exit code counts findings
// (members) either way.
TEST(Grouping, CommandLineSwitch) {
  std::string dir = testdataDir() + "/xtu/one_helper_many_flows";
  auto run = [&](std::vector<std::string> options) {
    std::vector<std::string> args = {"--no-cache", "-q", "--root", testdataDir(), dir + "/billing.c",
                                     dir + "/orders.c", dir + "/requests.c"};
    args.insert(args.end(), options.begin(), options.end());
    for (const char *flag : {"--", "-std=c11", "-D_DEFAULT_SOURCE"})
      args.push_back(flag);
    args.push_back("-I" + dir);
    return runShell(flowshapeCommand(args));
  };
  CommandResult grouped = run({});
  EXPECT_EQ(grouped.code, 1) << grouped.err;
  EXPECT_NE(grouped.out.find(", 22 findings in 6 root causes (12 warnings, 10 notes)\n"), std::string::npos)
      << grouped.out;
  CommandResult none = run({"--group=none"});
  EXPECT_EQ(none.code, 1) << none.err;
  EXPECT_NE(none.out.find(", 22 findings (12 warnings, 10 notes)\n"), std::string::npos) << none.out;
  EXPECT_EQ(run({"--group", "root-cause", "--fail-on", "error"}).code, 0);
  CommandResult bad = run({"--group", "flow"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("--group"), std::string::npos) << bad.err;
}

} // namespace
