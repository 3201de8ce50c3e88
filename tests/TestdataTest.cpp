// Runs flowshape over every case in testdata/ and checks the expectations
// written inline in the inputs (testdata/README.md): any missing or extra
// finding or shape fails the case.
//
//   testdata/rules/<rule>/<case>.cpp     one file, one program
//   testdata/catalog/<library>/<case>.c  one file, one program
//   testdata/xtu/<case>/                 a folder analysed as one program
//   testdata/demo/                       the demo service
#include "Expectations.h"

#include "driver/Analysis.h"
#include "flowshape/Project.h"

#include <gtest/gtest.h>

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

using namespace flowshape;
using namespace flowshape::test;

namespace {

const std::string kTestdata = std::string(FLOWSHAPE_SOURCE_DIR) + "/testdata";

struct Case {
  std::string name;               // e.g. rules/sync-over-queue/kafka_reply_topic.cpp
  std::string dir;                // absolute; the compile directory
  std::vector<std::string> files; // absolute
};

void PrintTo(const Case &c, std::ostream *os) { *os << c.name; }

bool isSource(const std::string &path) {
  auto ext = llvm::sys::path::extension(path);
  return ext == ".cpp" || ext == ".cc" || ext == ".c";
}

std::vector<std::string> listDir(const std::string &dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec))
    out.push_back(it->path());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> sourcesUnder(const std::string &dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (llvm::sys::fs::recursive_directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec))
    if (isSource(it->path()) && it->path().find("/build/") == std::string::npos)
      out.push_back(it->path());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Case> discoverCases() {
  std::vector<Case> cases;
  // Single-file cases sit in a group folder or one level below it.
  for (const char *group : {"rules", "catalog", "shapes"})
    for (const auto &entry : listDir(kTestdata + "/" + group)) {
      if (isSource(entry))
        cases.push_back({entry.substr(kTestdata.size() + 1), kTestdata + "/" + group, {entry}});
      else if (llvm::sys::fs::is_directory(entry))
        for (const auto &file : listDir(entry))
          if (isSource(file))
            cases.push_back({file.substr(kTestdata.size() + 1), entry, {file}});
    }
  for (const auto &dir : listDir(kTestdata + "/xtu"))
    if (llvm::sys::fs::is_directory(dir))
      cases.push_back({dir.substr(kTestdata.size() + 1), dir, sourcesUnder(dir)});
  if (llvm::sys::fs::is_directory(kTestdata + "/demo"))
    cases.push_back({"demo", kTestdata + "/demo", sourcesUnder(kTestdata + "/demo/src")});
  return cases;
}

std::string testName(const Case &c) {
  std::string out;
  for (char ch : c.name)
    out += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  return out;
}

// Flags of a case: compile_flags.txt in its folder (the clangd convention),
// or defaults plus FLAGS: annotations.
std::vector<std::string> flagsFor(const Case &c, const Expectations &e, const std::string &file) {
  std::vector<std::string> flags;
  std::ifstream list(c.dir + "/compile_flags.txt");
  std::string line;
  bool fromFile = false;
  while (list && std::getline(list, line))
    if (!line.empty()) {
      flags.push_back(line);
      fromFile = true;
    }
  if (!fromFile) {
    if (llvm::sys::path::extension(file) == ".c")
      flags.push_back("-std=c11");
    else
      flags.push_back("-std=c++20");
    flags.push_back("-isystem");
    flags.push_back(kTestdata + "/include");
  }
  flags.insert(flags.end(), e.flags.begin(), e.flags.end());
  // One compile_flags.txt serves C and C++ files: keep the -std= that fits.
  bool isC = llvm::sys::path::extension(file) == ".c";
  flags.erase(std::remove_if(flags.begin(), flags.end(),
                             [&](const std::string &f) {
                               bool cxxStd = f.rfind("-std=c++", 0) == 0 || f.rfind("-std=gnu++", 0) == 0;
                               bool cStd = !cxxStd && f.rfind("-std=", 0) == 0;
                               return isC ? cxxStd : cStd;
                             }),
              flags.end());
  return flags;
}

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

std::string relativeToTestdata(const std::string &path) {
  return path.compare(0, kTestdata.size() + 1, kTestdata + "/") == 0 ? path.substr(kTestdata.size() + 1) : path;
}

class Testdata : public ::testing::TestWithParam<Case> {};

TEST_P(Testdata, MatchesInlineExpectations) {
  const Case &c = GetParam();
  ASSERT_FALSE(c.files.empty()) << c.name << " has no source files";
  Expectations expected;
  std::set<std::string> caseFiles;
  std::error_code ec;
  for (llvm::sys::fs::recursive_directory_iterator it(c.dir, ec), end; it != end && !ec; it.increment(ec)) {
    std::string path = it->path();
    auto ext = llvm::sys::path::extension(path);
    bool own = c.files.size() == 1 ? path == c.files.front() : (isSource(path) || ext == ".h" || ext == ".hpp");
    if (own && path.find("/build/") == std::string::npos) {
      caseFiles.insert(relativeToTestdata(path));
      readExpectations(path, relativeToTestdata(path), expected);
    }
  }
  for (const auto &error : expected.errors)
    ADD_FAILURE() << error;

  AnalysisRequest request;
  request.root = kTestdata;
  request.jobs = 1;
  if (!expected.config.empty())
    request.configFile = c.dir + "/" + expected.config;
  for (const auto &file : c.files) {
    CompileCommand command;
    command.file = file;
    command.directory = c.dir;
    command.arguments.push_back(llvm::sys::path::extension(file) == ".c" ? "clang" : "clang++");
    for (const auto &flag : flagsFor(c, expected, file))
      command.arguments.push_back(flag);
    command.arguments.push_back(file);
    request.commands.push_back(std::move(command));
  }
  Report report = analyze(request);
  for (const auto &failure : report.failures) {
    std::string errors;
    for (const auto &e : failure.errors)
      errors += "\n  " + e;
    ADD_FAILURE() << failure.file << " did not parse:" << errors;
  }

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
