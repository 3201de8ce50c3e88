// Inline suppressions: how comments are read (only comments, every form,
// reasons), and what a suppressed finding looks like in the report. The
// testdata cases under rules/unused-suppression and rules/unjustified-
// suppression pin what is reported; these tests pin what is suppressed.
#include "review/Suppressions.h"

#include "driver/Analysis.h"

#include <gtest/gtest.h>

#include <map>
#include <tuple>

using namespace flowshape;

namespace {

std::vector<SuppressionDirective> directives(const std::string &text) {
  return scanSuppressions("a.cpp", text).directives;
}

TEST(SuppressionScan, FormsAndTheLinesTheyCover) {
  auto ds = directives("f(); // NOLINT(flowshape-sync-over-queue): reason one\n"
                       "// NOLINTNEXTLINE(flowshape-*) -- reason two\n"
                       "g();\n"
                       "h(); // flowshape: allow publish-then-block -- reason three\n");
  ASSERT_EQ(ds.size(), 3u);
  EXPECT_EQ(ds[0].kind, "nolint");
  EXPECT_EQ(std::tie(ds[0].firstLine, ds[0].lastLine), std::make_tuple(1u, 1u));
  EXPECT_EQ(ds[0].loc.column, 9u);
  EXPECT_EQ(ds[0].spelling, "NOLINT(flowshape-sync-over-queue)");
  EXPECT_EQ(ds[0].justification, "reason one");
  EXPECT_EQ(ds[1].kind, "nolintnextline");
  EXPECT_EQ(std::tie(ds[1].firstLine, ds[1].lastLine), std::make_tuple(3u, 3u));
  EXPECT_EQ(ds[1].justification, "reason two");
  EXPECT_EQ(ds[2].kind, "allow");
  EXPECT_EQ(std::tie(ds[2].firstLine, ds[2].lastLine), std::make_tuple(4u, 4u)); // after code: its own line
  EXPECT_EQ(ds[2].patterns, std::vector<std::string>{"flowshape-publish-then-block"});
  EXPECT_EQ(ds[2].justification, "reason three");
}

TEST(SuppressionScan, AllowAloneCoversTheNextLineOfCodeAndItsReasonMayContinue) {
  auto ds = directives("// flowshape: allow sync-over-queue, unbounded-reply-wait -- the price is\n"
                       "// needed before the answer\n"
                       "\n"
                       "auto price = reply.get();\n");
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(std::tie(ds[0].firstLine, ds[0].lastLine), std::make_tuple(1u, 4u));
  EXPECT_EQ(ds[0].justification, "the price is needed before the answer");
  EXPECT_TRUE(suppresses(ds[0], "sync-over-queue"));
  EXPECT_TRUE(suppresses(ds[0], "unbounded-reply-wait"));
  EXPECT_FALSE(suppresses(ds[0], "publish-then-block"));
}

TEST(SuppressionScan, BlocksMatchByTheirRules) {
  auto scan = scanSuppressions("a.cpp", "// NOLINTBEGIN(flowshape-a, flowshape-b): legacy\n"
                                        "// NOLINTBEGIN(flowshape-c)\n"
                                        "x();\n"
                                        "// NOLINTEND(flowshape-c)\n"
                                        "y();\n"
                                        "// NOLINTEND(flowshape-b, flowshape-a)\n"
                                        "// NOLINTEND(flowshape-d)\n"
                                        "// NOLINTBEGIN(flowshape-e)\n");
  ASSERT_EQ(scan.directives.size(), 2u);
  EXPECT_EQ(scan.directives[0].kind, "nolint-block");
  EXPECT_EQ(std::tie(scan.directives[0].firstLine, scan.directives[0].lastLine), std::make_tuple(1u, 6u));
  EXPECT_EQ(scan.directives[0].justification, "legacy");
  EXPECT_EQ(std::tie(scan.directives[1].firstLine, scan.directives[1].lastLine), std::make_tuple(2u, 4u));
  ASSERT_EQ(scan.problems.size(), 2u);
  EXPECT_EQ(scan.problems[0].first.line, 7u);
  EXPECT_EQ(scan.problems[0].second, "NOLINTEND(flowshape-d) has no matching NOLINTBEGIN");
  EXPECT_EQ(scan.problems[1].first.line, 8u);
  EXPECT_EQ(scan.problems[1].second, "NOLINTBEGIN(flowshape-e) has no matching NOLINTEND");
}

TEST(SuppressionScan, OnlyCommentsCount) {
  auto ds = directives("const char *a = \"// NOLINT(flowshape-x)\";\n"
                       "const char *b = R\"raw(\n// NOLINT(flowshape-x)\n)raw\";\n"
                       "char c = '\"'; int d = 1'000; // NOLINT(flowshape-y)\n"
                       "/* NOLINT(flowshape-z) */ e();\n"
                       "auto s = u8\"/* not a comment\"; // NOLINTNEXTLINE(flowshape-w)\n");
  ASSERT_EQ(ds.size(), 3u);
  EXPECT_EQ(ds[0].spelling, "NOLINT(flowshape-y)");
  EXPECT_EQ(ds[0].firstLine, 5u);
  EXPECT_EQ(ds[1].spelling, "NOLINT(flowshape-z)");
  EXPECT_EQ(ds[1].firstLine, 6u);
  EXPECT_EQ(ds[2].spelling, "NOLINTNEXTLINE(flowshape-w)");
}

TEST(SuppressionScan, ListsCountOnlyThroughFlowshapeEntries) {
  auto ds = directives("a(); // NOLINT(bugprone-x)\n"
                       "b(); // NOLINT(bugprone-x, flowshape-sync-over-queue)\n"
                       "c(); // NOLINT\n"
                       "d(); // NOLINT(*)\n"
                       "e(); // NOLINTFOO(flowshape-x)\n"
                       "f(); // flowshape: see the design doc\n");
  ASSERT_EQ(ds.size(), 3u);
  EXPECT_EQ(ds[0].patterns, std::vector<std::string>{"flowshape-sync-over-queue"});
  EXPECT_TRUE(ds[1].all);
  EXPECT_TRUE(suppresses(ds[1], "command-named-event"));
  EXPECT_EQ(ds[2].patterns, std::vector<std::string>{"*"});
  EXPECT_TRUE(suppresses(ds[2], "sync-over-queue"));
}

TEST(SuppressionScan, GlobsAndReasonsAfterEveryForm) {
  auto ds = directives("a(); // NOLINT(flowshape-sync-*) - because\n"
                       "b(); // NOLINT(flowshape-x):\n"
                       "c(); /* NOLINT(flowshape-y) --   spaced   out */\n");
  ASSERT_EQ(ds.size(), 3u);
  EXPECT_TRUE(suppresses(ds[0], "sync-over-queue"));
  EXPECT_FALSE(suppresses(ds[0], "publish-then-block"));
  EXPECT_EQ(ds[0].justification, "because");
  EXPECT_EQ(ds[1].justification, "");
  EXPECT_EQ(ds[2].justification, "spaced out");
}

TEST(SuppressionScan, MalformedDirectivesAreProblems) {
  auto scan = scanSuppressions("a.cpp", "a(); // NOLINT(flowshape-x\nb(); // flowshape: allow -- why\n");
  EXPECT_TRUE(scan.directives.empty());
  ASSERT_EQ(scan.problems.size(), 2u);
  EXPECT_EQ(scan.problems[0].second, "NOLINT(flowshape-x has no closing parenthesis");
  EXPECT_EQ(scan.problems[1].second, "'flowshape: allow' names no rule");
  // In a block comment the unclosed list stops at its line: a problem is one line.
  scan = scanSuppressions("a.cpp", "a(); /* NOLINT(flowshape-x\n   more text */\n");
  ASSERT_EQ(scan.problems.size(), 1u);
  EXPECT_EQ(scan.problems[0].second, "NOLINT(flowshape-x has no closing parenthesis");
  // A list is read on its own line only, even in a comment that goes on.
  scan = scanSuppressions("a.cpp", "a(); /* NOLINT(flowshape-x\n   more) */\nb(); // NOLINT(flowshape-y \\\n z)\n");
  ASSERT_EQ(scan.problems.size(), 2u);
  EXPECT_EQ(scan.problems[0].second, "NOLINT(flowshape-x has no closing parenthesis");
  EXPECT_EQ(scan.problems[1].second, "NOLINT(flowshape-y \\ has no closing parenthesis");
}

// The suppressed findings of testdata/rules/unused-suppression/suppressed_forms.cpp
// are in the report, marked with the directive that covers them.
TEST(SuppressionApply, SuppressedFindingsStayInTheReport) {
  std::string testdata = std::string(FLOWSHAPE_SOURCE_DIR) + "/testdata";
  std::string file = testdata + "/rules/unused-suppression/suppressed_forms.cpp";
  AnalysisRequest request;
  request.root = testdata;
  CompileCommand command;
  command.file = file;
  command.directory = testdata;
  command.arguments = {"clang++", "-std=c++20", "-isystem", testdata + "/include", file};
  request.commands.push_back(command);
  Report report = analyze(request);
  ASSERT_TRUE(report.failures.empty());

  std::map<unsigned, std::pair<std::string, std::string>> byLine; // line -> kind, reason
  size_t suppressed = 0;
  for (const Finding &f : report.findings) {
    ASSERT_TRUE(f.suppression) << f.loc.line << ": " << f.rule << " is not suppressed";
    ++suppressed;
    byLine[f.loc.line] = {f.suppression->kind, f.suppression->justification};
    EXPECT_FALSE(f.fingerprint.empty());
  }
  EXPECT_EQ(suppressed, 14u); // sync-over-queue and unbounded-reply-wait in seven flows
  using P = std::pair<std::string, std::string>;
  EXPECT_EQ(byLine[16], P("nolint", "pricing answers in 50 ms"));
  EXPECT_EQ(byLine[23], P("nolintnextline", "moving to events, tracked in PRICE-12"));
  EXPECT_EQ(byLine[30], P("nolint-block", "legacy quote API"));
  EXPECT_EQ(byLine[40], P("allow", "checkout needs the price before it can answer, and pricing is in the same "
                                   "failure domain"));
  EXPECT_EQ(byLine[46], P("allow", "nightly batch"));
  EXPECT_EQ(byLine[52], P("nolint", ""));
  EXPECT_EQ(byLine[58], P("nolint", ""));
}

} // namespace
