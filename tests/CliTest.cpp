// The command line end to end: the built binary in a temporary project, its
// exit codes (0 clean, 1 findings, 2 input error, 3 a translation unit not
// analysed) and one-line messages, the listing options and progress output.
#include "Shell.h"

#include <gtest/gtest.h>

#include "llvm/ADT/StringRef.h"

using namespace flowshape::test;

namespace {

class Cli : public ::testing::Test {
protected:
  void source(const std::string &relative, const std::string &text) { project.source(relative, text); }
  void database(const std::vector<std::string> &files) { project.database(files); }
  CommandResult run(const std::vector<std::string> &args) { return project.flowshape(args); }

  TempProject project{"cli"};
  const std::string &root = project.root;
};

TEST_F(Cli, VersionListRulesAndExplain) {
  CommandResult version = run({"--version"});
  EXPECT_EQ(version.code, 0);
  EXPECT_TRUE(llvm::StringRef(version.out).starts_with("flowshape 0.")) << version.out;
  EXPECT_NE(version.out.find("clang 19"), std::string::npos) << version.out;

  CommandResult rules = run({"--list-rules"});
  EXPECT_EQ(rules.code, 0);
  for (const char *line : {"sync-over-queue         warning", "publish-then-block      warning",
                           "unbounded-reply-wait    warning", "broker-request-reply    note",
                           "command-named-event     note", "unused-suppression      note",
                           "unjustified-suppression error"})
    EXPECT_NE(rules.out.find(line), std::string::npos) << line << "\n" << rules.out;

  for (const char *id : {"sync-over-queue", "flowshape-sync-over-queue", "unused-suppression", "unjustified-suppression"}) {
    CommandResult explain = run({"--explain", id});
    EXPECT_EQ(explain.code, 0) << id;
    std::string heading = "# " + llvm::StringRef(id).drop_front(llvm::StringRef(id).starts_with("flowshape-") ? 10 : 0).str();
    EXPECT_TRUE(llvm::StringRef(explain.out).starts_with(heading)) << explain.out;
  }
  CommandResult unknown = run({"--explain", "sync-over-queues"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_EQ(unknown.err, "flowshape: error: --explain: unknown rule 'sync-over-queues' (see --list-rules)\n");

  CommandResult apis = run({"--list-apis"});
  EXPECT_EQ(apis.code, 0);
  EXPECT_NE(apis.out.find("rd_kafka_producev"), std::string::npos);
}

TEST_F(Cli, UsageErrorsExitTwo) {
  CommandResult none = run({});
  EXPECT_EQ(none.code, 2);
  EXPECT_NE(none.err.find("no compilation database: use -p <build-dir>"), std::string::npos) << none.err;
  EXPECT_EQ(countLines(none.err), 1u) << none.err;

  CommandResult option = run({"--no-such-option"});
  EXPECT_EQ(option.code, 2);
  CommandResult format = run({"--format", "xml", "-p", "build"});
  EXPECT_EQ(format.code, 2);
}

TEST_F(Cli, MissingDatabase) {
  CommandResult r = run({"-p", "build"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "flowshape: error: build/compile_commands.json: cannot read compilation database: No such file or "
                   "directory (generate it with cmake -DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or bear)\n");
  EXPECT_EQ(r.out, "");
}

TEST_F(Cli, MalformedDatabaseNamesTheLine) {
  writeFile(root + "/build/compile_commands.json",
            "[\n  {\"directory\": \"/x\", \"file\": \"a.cpp\", \"arguments\": [\"c++\"]},\n  {\"directory\": \"/x\",, }\n]\n");
  CommandResult r = run({"-p", "build"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(llvm::StringRef(r.err).starts_with("flowshape: error: build/compile_commands.json:3:")) << r.err;
  EXPECT_EQ(countLines(r.err), 1u) << r.err;
}

// An error quoting the input keeps to one line even when the input holds a
// newline or a terminal escape (a YAML or JSON escape in a key or value).
TEST_F(Cli, ErrorsQuotingTheInputStayOnOneLine) {
  source("src/orders.cpp", kPublishThenNap);
  database({"src/orders.cpp"});
  writeFile(root + "/.flowshape.yaml", "rules:\n  \"sync-over-queue\\nflowshape: forged\\e[31m\": error\n");
  CommandResult r = run({"-p", "build"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(countLines(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find("unknown rule 'sync-over-queue\\nflowshape: forged\\x1b[31m'"), std::string::npos) << r.err;
}

TEST_F(Cli, FileNotInDatabase) {
  source("src/orders.cpp", kPublishThenNap);
  source("src/other.cpp", kPublishOnly);
  database({"src/orders.cpp"});
  CommandResult r = run({"-p", "build", "src/other.cpp"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "flowshape: error: src/other.cpp: not in build/compile_commands.json (no compile command for this "
                   "file)\n");
}

TEST_F(Cli, FindingsExitOneAndFailOnDecides) {
  source("src/orders.cpp", kPublishThenNap);
  database({"src/orders.cpp"});
  CommandResult r = run({"-p", "build", "--no-color"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("src/orders.cpp:6:3: warning: publishes 'orders.placed' and then blocks in usleep"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.err, ""); // stderr is not a terminal: no progress
  EXPECT_EQ(run({"-p", "build", "--fail-on", "error"}).code, 0);
  EXPECT_EQ(run({"-p", "build", "--fail-on", "none"}).code, 0);
  EXPECT_EQ(run({"-p", "build", "--fail-on", "note"}).code, 1);
}

TEST_F(Cli, CleanRunExitsZero) {
  source("src/announce.cpp", kPublishOnly);
  database({"src/announce.cpp"});
  CommandResult r = run({"-p", "build"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("1 file, 1 flow (1 event-driven), 0 findings"), std::string::npos) << r.out;
}

TEST_F(Cli, UnparsableTranslationUnitExitsThreeAndOthersAreAnalysed) {
  source("src/announce.cpp", kPublishOnly);
  source("src/broken.cpp", kBroken);
  database({"src/announce.cpp", "src/broken.cpp"});
  CommandResult r = run({"-p", "build", "--format", "json"});
  EXPECT_EQ(r.code, 3) << r.out << r.err;
  EXPECT_NE(r.out.find("\"file\": \"src/broken.cpp\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"function\": \"announce\""), std::string::npos) << r.out; // still analysed

  // Findings outrank a failed translation unit.
  source("src/orders.cpp", kPublishThenNap);
  database({"src/orders.cpp", "src/broken.cpp"});
  EXPECT_EQ(run({"-p", "build"}).code, 1);
  EXPECT_EQ(run({"-p", "build", "--fail-on", "none"}).code, 3);
}

TEST_F(Cli, BadConfigExitsTwoWithFileLineAndKey) {
  source("src/orders.cpp", kPublishThenNap);
  database({"src/orders.cpp"});
  writeFile(root + "/.flowshape.yaml", "rules:\n  sync-over-queue: loud\n");
  CommandResult r = run({"-p", "build"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "flowshape: error: " + root +
                       "/.flowshape.yaml:2:20: rules: sync-over-queue: level must be off, note, warning or error, "
                       "not 'loud'\n");
  EXPECT_EQ(r.out, "");

  writeFile(root + "/ci.yaml", "exclude: 'legacy/**'\n");
  CommandResult explicitFile = run({"-p", "build", "--config", "ci.yaml"});
  EXPECT_EQ(explicitFile.code, 2);
  EXPECT_NE(explicitFile.err.find("ci.yaml:1:10: exclude: expected a list of globs"), std::string::npos)
      << explicitFile.err;

  CommandResult missing = run({"-p", "build", "--config", "nope.yaml"});
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("nope.yaml: cannot read config"), std::string::npos) << missing.err;
}

TEST_F(Cli, ProgressOnATerminalOnlyWithRootRelativePaths) {
  source("services/billing/src/charge.cpp", kPublishOnly);
  source("services/billing/src/refund.cpp", kPublishOnly);
  database({"services/billing/src/charge.cpp", "services/billing/src/refund.cpp"});
  if (runShell("command -v script").code != 0)
    GTEST_SKIP() << "util-linux 'script' is needed to give flowshape a terminal";
  // script(1) runs the command on a pseudo-terminal: stderr is displayed.
  CommandResult tty = runShell("script -qec " + shellQuote(flowshapeCommand({"-p", "build", "-j", "1", "--no-color"})) +
                                   " /dev/null",
                               root);
  EXPECT_EQ(tty.code, 0) << tty.out;
  EXPECT_NE(tty.out.find("[1/2] services/billing/src/charge.cpp"), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find("[2/2] services/billing/src/refund.cpp"), std::string::npos) << tty.out;

  CommandResult quiet = runShell(
      "script -qec " + shellQuote(flowshapeCommand({"-p", "build", "--quiet", "--no-color"})) + " /dev/null", root);
  EXPECT_EQ(quiet.out.find("[1/2]"), std::string::npos) << quiet.out;

  CommandResult piped = run({"-p", "build"});
  EXPECT_EQ(piped.err, "");
}

TEST_F(Cli, RequireJustification) {
  std::string text = kPublishThenNap;
  text.replace(text.find("usleep(1000);"), 13, "usleep(1000); // NOLINT(flowshape-publish-then-block)");
  source("src/orders.cpp", text);
  database({"src/orders.cpp"});
  CommandResult lenient = run({"-p", "build"});
  EXPECT_EQ(lenient.code, 0) << lenient.out;
  EXPECT_EQ(lenient.out.find("publish-then-block]"), std::string::npos) << lenient.out; // suppressed: not shown

  CommandResult strict = run({"-p", "build", "--require-justification", "--no-color"});
  EXPECT_EQ(strict.code, 1);
  EXPECT_NE(strict.out.find("src/orders.cpp:6:20: error: NOLINT(flowshape-publish-then-block) gives no reason"),
            std::string::npos)
      << strict.out;

  text.replace(text.find("-block)") + 7, 0, ": the consumer needs a head start");
  source("src/orders.cpp", text);
  EXPECT_EQ(run({"-p", "build", "--require-justification"}).code, 0);
}

TEST_F(Cli, ExcludedFilesAreNotParsed) {
  source("src/orders.cpp", kPublishThenNap);
  source("src/legacy/broken.cpp", kBroken);
  database({"src/orders.cpp", "src/legacy/broken.cpp"});
  writeFile(root + "/.flowshape.yaml", "exclude: [legacy/]\n");
  CommandResult r = run({"-p", "build", "--fail-on", "none"});
  EXPECT_EQ(r.code, 0) << r.out; // the broken file is excluded before parsing: no exit 3
  EXPECT_NE(r.out.find("1 file, 1 flow"), std::string::npos) << r.out;
}

} // namespace
