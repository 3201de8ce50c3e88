// The demo's report in every format, byte for byte against tests/golden/
// (tests/golden/README.md). FLOWSHAPE_UPDATE_GOLDEN=1 rewrites the files
// instead of comparing:
//
//   FLOWSHAPE_UPDATE_GOLDEN=1 ./build/tests/flowshape_tests --gtest_filter='Golden*'
#include "TestCases.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <functional>
#include <map>

using namespace flowshape;
using namespace flowshape::test;

namespace {

const std::string kGoldenDir = std::string(FLOWSHAPE_SOURCE_DIR) + "/tests/golden";

bool updating() {
  const char *value = std::getenv("FLOWSHAPE_UPDATE_GOLDEN");
  return value && std::string(value) == "1";
}

std::string demoDir() { return testdataDir() + "/demo"; }

// The demo as its own project: paths relative to testdata/demo.
AnalysisRequest demoRequest() {
  for (const Case &c : discoverCases())
    if (c.name == "demo") {
      AnalysisRequest request = requestFor(c, Expectations{});
      request.root = demoDir();
      return request;
    }
  throw std::runtime_error("testdata/demo is missing");
}

const Report &demoReport() {
  static const Report report = analyze(demoRequest());
  return report;
}

std::string render(const std::function<void(llvm::raw_ostream &)> &write) {
  std::string text;
  llvm::raw_string_ostream os(text);
  write(os);
  os.flush();
  return text;
}

std::string readFile(const std::string &path) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false);
  return buffer ? (*buffer)->getBuffer().str() : std::string();
}

// Compares with the golden file (or rewrites it); on a difference, names
// the first line that differs.
void checkGolden(const std::string &name, const std::string &actual) {
  std::string path = kGoldenDir + "/" + name;
  if (updating()) {
    std::error_code error;
    llvm::raw_fd_ostream os(path, error);
    ASSERT_FALSE(error) << path << ": " << error.message();
    os << actual;
    return;
  }
  std::string expected = readFile(path);
  ASSERT_FALSE(expected.empty()) << path << " is missing: run with FLOWSHAPE_UPDATE_GOLDEN=1 (tests/golden/README.md)";
  if (expected == actual)
    return;
  size_t line = 1, at = 0;
  while (at < expected.size() && at < actual.size() && expected[at] == actual[at])
    line += expected[at++] == '\n';
  auto lineAt = [&](const std::string &text) {
    size_t begin = text.rfind('\n', at == 0 ? 0 : at - 1);
    begin = begin == std::string::npos || at == 0 ? 0 : begin + 1;
    return text.substr(begin, text.find('\n', begin) - begin);
  };
  ADD_FAILURE() << name << " differs from the golden file at line " << line << ":\n  golden: " << lineAt(expected)
                << "\n  actual: " << lineAt(actual)
                << "\nIf the change is intended: FLOWSHAPE_UPDATE_GOLDEN=1 ./build/tests/flowshape_tests "
                   "--gtest_filter='Golden*' (tests/golden/README.md)";
}

TEST(Golden, DemoText) {
  checkGolden("demo.txt", render([](llvm::raw_ostream &os) { writeText(demoReport(), os, TextOptions{false, true, true}); }));
}

TEST(Golden, DemoJson) {
  checkGolden("demo.json", render([](llvm::raw_ostream &os) { writeJson(demoReport(), os); }));
}

TEST(Golden, DemoSarif) {
  checkGolden("demo.sarif", render([](llvm::raw_ostream &os) { writeSarif(demoReport(), os); }));
}

TEST(Golden, DemoMarkdown) {
  checkGolden("demo.md", render([](llvm::raw_ostream &os) { writeMarkdown(demoReport(), os); }));
}

// The command line writes the same bytes: --format sarif|markdown and the
// --sarif / --markdown / --json side files.
TEST(Golden, CommandLineWritesTheGoldenReports) {
  if (updating())
    GTEST_SKIP() << "rewriting golden files";
  llvm::SmallString<128> dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("flowshape-golden", dir));
  std::string tmp(dir.str());

  nlohmann::json database = nlohmann::json::array();
  for (const CompileCommand &command : demoRequest().commands)
    database.push_back({{"directory", command.directory}, {"file", command.file}, {"arguments", command.arguments}});
  {
    std::error_code error;
    llvm::raw_fd_ostream os(tmp + "/compile_commands.json", error);
    ASSERT_FALSE(error);
    os << database.dump(2);
  }

  struct Run {
    std::vector<std::string> options;
    std::map<std::string, std::string> outputs; // file in tmp -> golden
  };
  std::vector<Run> runs = {
      {{"--format", "sarif", "-o", tmp + "/main.sarif", "--markdown", tmp + "/side.md", "--json", tmp + "/side.json"},
       {{"main.sarif", "demo.sarif"}, {"side.md", "demo.md"}, {"side.json", "demo.json"}}},
      {{"--format", "markdown", "-o", tmp + "/main.md", "--sarif", tmp + "/side.sarif", "--no-color"},
       {{"main.md", "demo.md"}, {"side.sarif", "demo.sarif"}}},
  };
  for (const Run &run : runs) {
    std::vector<std::string> args = {FLOWSHAPE_BINARY, "-p", tmp, "--root", demoDir(), "-q"};
    args.insert(args.end(), run.options.begin(), run.options.end());
    std::vector<llvm::StringRef> argv(args.begin(), args.end());
    std::string error;
    int code = llvm::sys::ExecuteAndWait(FLOWSHAPE_BINARY, argv, std::nullopt, {}, 0, 0, &error);
    EXPECT_EQ(code, 1) << "the demo has warnings: exit 1 " << error;
    for (const auto &[file, golden] : run.outputs)
      EXPECT_EQ(readFile(tmp + "/" + file), readFile(kGoldenDir + "/" + golden)) << file << " vs " << golden;
  }
  llvm::sys::fs::remove_directories(tmp);
}

} // namespace
