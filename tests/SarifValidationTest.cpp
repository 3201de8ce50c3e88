// Every SARIF file flowshape writes is checked twice, on the demo, on every
// testdata case, on a report that exercises every field (SampleReport) and
// on one whose root causes are reached from many flows (rootCauseReport):
//
// 1. against the OASIS SARIF 2.1.0 schema (tests/data/sarif-schema-2.1.0.json,
//    draft-04) with Debian's python3-jsonschema;
// 2. with Microsoft's SARIF Multitool 5.7.0 (npm, installed into the build
//    directory on first use), SARIF rules plus GitHub's ingestion rules
//    (GHnnnn, disabled by default: a policy file turns them on): zero errors
//    and zero warnings.
//
// The Multitool's own rolling-hash implementation also recomputes every
// primaryLocationLineHash, which must equal flowshape's. A validator that
// cannot run fails the test; it is never skipped.
#include "SampleReport.h"
#include "TestCases.h"

#include "flowshape/Rule.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <set>
#include <sstream>

using namespace flowshape;
using namespace flowshape::test;
using nlohmann::json;

namespace {

const std::string kWorkDir = std::string(FLOWSHAPE_BUILD_DIR) + "/sarif-validation";
const std::string kToolDir = std::string(FLOWSHAPE_BUILD_DIR) + "/sarif-multitool";
const std::string kMultitoolVersion = "5.7.0";
// Debian's python3 (python3-jsonschema); a python3 earlier on PATH may lack it.
const char *const kPython = "/usr/bin/python3";

struct Output {
  int code = -1;
  std::string text; // stdout and stderr
};

std::string readFile(const std::string &path) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false);
  return buffer ? (*buffer)->getBuffer().str() : std::string();
}

void writeFile(const std::string &path, const std::string &text) {
  std::error_code error;
  llvm::raw_fd_ostream os(path, error);
  if (error)
    throw std::runtime_error(path + ": " + error.message());
  os << text;
}

Output run(const std::string &program, const std::vector<std::string> &args) {
  // Redirected output does not truncate an existing file.
  std::string log = kWorkDir + "/command.log";
  llvm::sys::fs::remove(log);
  std::vector<llvm::StringRef> argv = {program};
  argv.insert(argv.end(), args.begin(), args.end());
  std::optional<llvm::StringRef> redirects[] = {std::nullopt, llvm::StringRef(log), llvm::StringRef(log)};
  Output out;
  std::string error;
  out.code = llvm::sys::ExecuteAndWait(program, argv, std::nullopt, redirects, 0, 0, &error);
  out.text = readFile(log) + error;
  return out;
}

std::string sarifText(const Report &report) {
  std::string text;
  llvm::raw_string_ostream os(text);
  writeSarif(report, os);
  os.flush();
  return text;
}

struct SarifFile {
  std::string path;
  std::string root; // the project root its URIs are relative to
};

// The demo (as its own project), every testdata case (root testdata/), and
// the sample report.
std::vector<SarifFile> writeSarifFiles(const SampleReport &sample, std::set<std::string> &rulesSeen) {
  std::vector<SarifFile> files;
  auto add = [&](const std::string &name, const Report &report) {
    std::string path = kWorkDir + "/" + name + ".sarif";
    writeFile(path, sarifText(report));
    files.push_back({path, report.root});
    for (const Finding &f : report.findings)
      rulesSeen.insert(f.rule);
  };
  for (const Case &c : discoverCases()) {
    Expectations expected;
    std::set<std::string> caseFiles;
    readCaseExpectations(c, expected, caseFiles);
    AnalysisRequest request = requestFor(c, expected);
    if (c.name == "demo")
      request.root = c.dir;
    add(testName(c), analyze(request));
  }
  add("sample", sample.report);
  add("root-causes", rootCauseReport(sample, 150)); // related locations cut, suppressed groups
  return files;
}

TEST(SarifValidation, EveryReportPassesTheSchemaAndTheMultitool) {
  ASSERT_FALSE(llvm::sys::fs::create_directories(kWorkDir));
  SampleReport sample;
  std::set<std::string> rulesSeen;
  std::vector<SarifFile> files = writeSarifFiles(sample, rulesSeen);
  for (const auto &rule : allRules())
    EXPECT_TRUE(rulesSeen.count(rule->id())) << "no SARIF result of " << rule->id() << " was validated";
  std::vector<std::string> paths;
  for (const SarifFile &file : files)
    paths.push_back(file.path);

  // 1. The OASIS schema.
  std::string script = kWorkDir + "/validate_schema.py";
  writeFile(script, R"(import json, sys
try:
    import jsonschema
except ImportError as error:
    sys.exit("python3-jsonschema is missing: %s" % error)
schema = json.load(open(sys.argv[1]))
jsonschema.Draft4Validator.check_schema(schema)
validator = jsonschema.Draft4Validator(schema)
if validator.is_valid({"version": "2.1.0"}):
    sys.exit("the schema accepts a log without runs: it is not the SARIF schema")
errors = 0
for path in sys.argv[2:]:
    for error in validator.iter_errors(json.load(open(path))):
        errors += 1
        print("%s: /%s: %s" % (path, "/".join(map(str, error.absolute_path)), error.message))
print("%d files, %d schema errors" % (len(sys.argv) - 2, errors))
sys.exit(1 if errors else 0)
)");
  std::vector<std::string> schemaArgs = {script, std::string(FLOWSHAPE_SOURCE_DIR) + "/tests/data/sarif-schema-2.1.0.json"};
  schemaArgs.insert(schemaArgs.end(), paths.begin(), paths.end());
  Output schema = run(kPython, schemaArgs);
  EXPECT_EQ(schema.code, 0) << "schema validation failed or could not run:\n" << schema.text;
  EXPECT_NE(schema.text.find(std::to_string(paths.size()) + " files, 0 schema errors"), std::string::npos)
      << schema.text;

  // 2. The SARIF Multitool, installed with npm into the build directory.
  std::string multitool = kToolDir + "/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool";
  json installed = json::parse(readFile(kToolDir + "/node_modules/@microsoft/sarif-multitool/package.json"), nullptr,
                               /*allow_exceptions=*/false);
  if (!llvm::sys::fs::exists(multitool) || !installed.is_object() || installed["version"] != kMultitoolVersion) {
    auto npm = llvm::sys::findProgramByName("npm");
    ASSERT_TRUE(npm) << "npm is needed to install the SARIF Multitool";
    Output install = run(*npm, {"install", "--prefix", kToolDir, "--no-audit", "--no-fund", "--loglevel=error",
                                "@microsoft/sarif-multitool@" + kMultitoolVersion});
    ASSERT_EQ(install.code, 0) << "npm install @microsoft/sarif-multitool@" << kMultitoolVersion << " failed:\n"
                               << install.text;
  }
  // npm skips the package's postinstall script, which makes the binary executable.
  auto status = llvm::sys::fs::getPermissions(multitool);
  ASSERT_TRUE(status) << multitool << " is missing after npm install";
  llvm::sys::fs::setPermissions(multitool, *status | llvm::sys::fs::owner_exe);

  // The GitHub rules (GHnnnn) are disabled unless a policy file enables them.
  std::string defaults = kWorkDir + "/multitool-defaults.xml", policy = kWorkDir + "/multitool-github.xml";
  Output exported = run(multitool, {"export-validation-config", defaults});
  ASSERT_EQ(exported.code, 0) << exported.text;
  std::string config, line;
  std::istringstream in(readFile(defaults));
  bool githubRule = false;
  int enabled = 0;
  while (std::getline(in, line)) {
    if (line.find("<Properties Key=\"") != std::string::npos)
      githubRule = line.find("<Properties Key=\"GH1") != std::string::npos ||
                   line.find("<Properties Key=\"GH2") != std::string::npos;
    size_t at = line.find("Value=\"Default\"");
    if (githubRule && at != std::string::npos && line.find("Key=\"RuleEnabled\"") != std::string::npos) {
      line.replace(at, 15, "Value=\"Error\"");
      ++enabled;
    }
    config += line + "\n";
  }
  ASSERT_GE(enabled, 10) << "GitHub rules not found in the Multitool's configuration:\n" << readFile(defaults);
  writeFile(policy, config);
  std::vector<std::string> common = {"--config", policy, "--output", kWorkDir + "/multitool-result.sarif", "--log",
                                     "ForceOverwrite", "--rule-kind", "Gh;Sarif"};

  // Armed: a log GitHub would not display must give GitHub rule errors.
  json broken = json::parse(readFile(paths.back()));
  json &brokenResult = broken["runs"][0]["results"][0];
  brokenResult["locations"][0]["physicalLocation"].erase("region");
  std::string brokenPath = kWorkDir + "/not-for-github.sarif";
  writeFile(brokenPath, broken.dump(2));
  std::vector<std::string> armedArgs = {"validate", brokenPath};
  armedArgs.insert(armedArgs.end(), common.begin(), common.end());
  Output armed = run(multitool, armedArgs);
  ASSERT_NE(armed.text.find("error GH1003"), std::string::npos)
      << "the Multitool did not apply GitHub's rules to a log without a region:\n" << armed.text;

  std::vector<std::string> validateArgs = {"validate"};
  validateArgs.insert(validateArgs.end(), paths.begin(), paths.end());
  validateArgs.insert(validateArgs.end(), common.begin(), common.end());
  Output validated = run(multitool, validateArgs);
  ASSERT_NE(validated.text.find("Analysis completed successfully"), std::string::npos) << validated.text;
  EXPECT_NE(validated.text.find("Done. " + std::to_string(paths.size()) + " files scanned."), std::string::npos)
      << validated.text;
  static const llvm::Regex issue(": (error|warning) [A-Z]+[0-9]+: ");
  std::string issues;
  size_t count = 0;
  std::istringstream lines(validated.text);
  while (std::getline(lines, line))
    if (issue.match(line)) {
      issues += line + "\n";
      ++count;
    }
  EXPECT_EQ(count, 0u) << "the SARIF Multitool reports errors or warnings:\n" << issues;

  // The Multitool's rolling hash agrees with flowshape's primaryLocationLineHash.
  std::map<std::string, std::vector<const SarifFile *>> byRoot;
  for (const SarifFile &file : files)
    byRoot[file.root].push_back(&file);
  size_t compared = 0;
  for (const auto &[root, group] : byRoot) {
    json combined = {{"version", "2.1.0"}, {"runs", json::array()}};
    std::vector<std::string> ours;
    for (const SarifFile *file : group) {
      json log = json::parse(readFile(file->path));
      for (json &run : log["runs"]) {
        for (json &result : run["results"]) {
          ours.push_back(result["partialFingerprints"].value("primaryLocationLineHash", ""));
          result.erase("partialFingerprints");
        }
        combined["runs"].push_back(std::move(run));
      }
    }
    std::string input = kWorkDir + "/unhashed.sarif", output = kWorkDir + "/rehashed.sarif";
    writeFile(input, combined.dump());
    Output rewrite = run(multitool, {"rewrite", input, "--insert", "RollingHashPartialFingerprints", "--uriBaseIds",
                                     "%SRCROOT%=file://" + root + "/", "--output", output, "--log", "ForceOverwrite"});
    ASSERT_EQ(rewrite.code, 0) << rewrite.text;
    size_t i = 0;
    json rehashed = json::parse(readFile(output));
    for (const json &run : rehashed["runs"])
      for (const json &result : run["results"]) {
        ASSERT_LT(i, ours.size());
        std::string theirs = result.value("partialFingerprints", json::object()).value("primaryLocationLineHash", "");
        EXPECT_EQ(ours[i], theirs) << "result " << i << " of the runs under " << root;
        ++i, ++compared;
      }
    EXPECT_EQ(i, ours.size());
  }
  EXPECT_GT(compared, 20u);
}

} // namespace
