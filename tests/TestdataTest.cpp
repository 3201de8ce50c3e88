// Runs flowshape over every case in testdata/ (TestCases.h) and checks the
// expectations written inline in the inputs (testdata/README.md): any
// missing or extra finding or shape fails the case.
#include "TestCases.h"

#include "flowshape/Project.h"

#include <gtest/gtest.h>

#include <iomanip>
#include <iostream>
#include <map>

using namespace flowshape;
using namespace flowshape::test;

namespace {

struct Counts {
  size_t tp = 0, fp = 0, fn = 0, todo = 0;
};
std::map<std::string, Counts> &accuracy() {
  static std::map<std::string, Counts> counts;
  return counts;
}
size_t &casesRun() {
  static size_t n = 0;
  return n;
}

// Prints per-rule precision and recall when several cases ran in one
// process (scripts/accuracy.sh runs them so).
class AccuracyReport : public ::testing::Environment {
public:
  void TearDown() override {
    if (casesRun() < 2)
      return;
    std::cout << "\nflowshape accuracy over " << casesRun() << " testdata cases\n";
    std::cout << "  rule                      TP    FP    FN  TODO  precision  recall\n";
    for (const auto &[rule, c] : accuracy()) {
      double precision = c.tp + c.fp ? double(c.tp) / double(c.tp + c.fp) : 1.0;
      double recall = c.tp + c.fn ? double(c.tp) / double(c.tp + c.fn) : 1.0;
      std::cout << "  " << std::left << std::setw(24) << rule << std::right << std::setw(5) << c.tp << std::setw(6)
                << c.fp << std::setw(6) << c.fn << std::setw(6) << c.todo << std::setw(11) << std::fixed
                << std::setprecision(3) << precision << std::setw(8) << recall << "\n";
    }
  }
};
const auto *kAccuracy = ::testing::AddGlobalTestEnvironment(new AccuracyReport);

class Testdata : public ::testing::TestWithParam<Case> {};

TEST_P(Testdata, MatchesInlineExpectations) {
  const Case &c = GetParam();
  ASSERT_FALSE(c.files.empty()) << c.name << " has no source files";
  Expectations expected;
  std::set<std::string> caseFiles;
  readCaseExpectations(c, expected, caseFiles);
  for (const auto &error : expected.errors)
    ADD_FAILURE() << error;

  AnalysisRequest request = requestFor(c, expected);
  Report report = analyze(request);
  // A unit with errors fails the case, unless it says PARTIAL: then it must
  // have errors, be analysed as far as it parsed, and its flows be marked.
  std::set<std::string> partialUnits;
  for (const auto &failure : report.failures) {
    std::string file = relativeToTestdata(failure.file);
    if (expected.partial.count(file) && failure.partial) {
      partialUnits.insert(file);
      continue;
    }
    std::string errors;
    for (const auto &e : failure.errors)
      errors += "\n  " + e;
    ADD_FAILURE() << failure.file << " did not parse:" << errors;
  }
  for (const std::string &file : expected.partial)
    EXPECT_TRUE(partialUnits.count(file)) << file << " says PARTIAL but is not a partial unit";
  std::set<Mark> partialBodies;
  for (const FlowReport &flow : report.flows) {
    std::string file = relativeToTestdata(flow.loc.file);
    if (!caseFiles.count(file))
      continue;
    EXPECT_EQ(relativeToTestdata(flow.partialUnit), partialUnits.count(file) ? file : std::string())
        << "partial mark of the flow " << flow.function;
    if (flow.bodyErrors)
      partialBodies.insert({file, flow.loc.line, "partial-body"});
  }
  for (const Mark &m : expected.partialBody)
    EXPECT_TRUE(partialBodies.count(m)) << "flow not marked as having errors in its body: " << m.str();
  for (const Mark &m : partialBodies)
    EXPECT_TRUE(expected.partialBody.count(m)) << "flow unexpectedly marked as having errors in its body: " << m.str();

  std::multiset<Mark> actual;
  std::map<Mark, std::string> messages;
  std::set<Mark> actualEvidence;
  for (const Finding &f : report.findings) {
    std::string file = relativeToTestdata(f.loc.file);
    if (f.suppression || !caseFiles.count(file))
      continue;
    Mark mark{file, f.loc.line, f.rule};
    actual.insert(mark);
    messages[mark] = f.message;
    for (const Evidence &e : f.evidence) {
      actualEvidence.insert({relativeToTestdata(e.loc.file), e.loc.line, e.kind});
      actualEvidence.insert({relativeToTestdata(e.loc.file), e.loc.line, e.role});
    }
  }

  // Findings: exact multiset match (TODO-EXPECT marks a known miss).
  std::multiset<Mark> missing, unexpected;
  std::set_difference(expected.findings.begin(), expected.findings.end(), actual.begin(), actual.end(),
                      std::inserter(missing, missing.end()));
  std::set_difference(actual.begin(), actual.end(), expected.findings.begin(), expected.findings.end(),
                      std::inserter(unexpected, unexpected.end()));
  for (const Mark &m : missing)
    ADD_FAILURE() << "missing finding " << m.str();
  for (const Mark &m : unexpected) {
    if (expected.todo.count(m))
      ADD_FAILURE() << "known miss now found, promote TODO-EXPECT to EXPECT: " << m.str();
    else
      ADD_FAILURE() << "unexpected finding " << m.str() << " (" << messages[m] << ")";
  }
  for (const Mark &m : expected.clean)
    EXPECT_EQ(actual.count(m), 0u) << "must not fire: " << m.str();
  if (expected.findings.empty() && expected.todo.empty())
    EXPECT_FALSE(expected.expectNone.empty()) << c.name << " expects no finding: say so with // EXPECT-NONE";
  for (const Mark &m : expected.findings)
    EXPECT_EQ(expected.expectNone.count(m.file), 0u) << m.file << " has both EXPECT-NONE and EXPECT";

  // Evidence: every EVIDENCE mark is a note of some finding.
  for (const Mark &m : expected.evidence)
    EXPECT_TRUE(actualEvidence.count(m)) << "missing evidence " << m.str();

  // Shapes: exact set match over the case's files.
  std::set<Mark> shapes;
  for (const FlowReport &flow : report.flows) {
    std::string file = relativeToTestdata(flow.loc.file);
    if (caseFiles.count(file))
      shapes.insert({file, flow.loc.line, shapeName(flow.shape)});
  }
  for (const Mark &m : expected.shapes)
    if (!shapes.count(m))
      ADD_FAILURE() << "missing shape " << m.str();
  for (const Mark &m : shapes)
    if (!expected.shapes.count(m)) {
      std::string name;
      for (const FlowReport &flow : report.flows)
        if (flow.loc.line == m.line && relativeToTestdata(flow.loc.file) == m.file)
          name = flow.function;
      ADD_FAILURE() << "unexpected shape " << m.str() << " (" << name << ")";
    }

  ++casesRun();
  for (const Mark &m : actual)
    ++(expected.findings.count(m) ? accuracy()[m.value].tp : accuracy()[m.value].fp);
  for (const Mark &m : missing)
    ++accuracy()[m.value].fn;
  for (const Mark &m : expected.todo)
    if (!actual.count(m))
      ++accuracy()[m.value].todo;
}

INSTANTIATE_TEST_SUITE_P(Cases, Testdata, ::testing::ValuesIn(discoverCases()),
                         [](const ::testing::TestParamInfo<Case> &info) { return testName(info.param); });

} // namespace
