// The pre-commit hook: `flowshape --pre-commit` directly, and the hook as the
// real pre-commit tool runs it from .pre-commit-hooks.yaml in a temporary git
// repository (staged files, a build directory with or without a compilation
// database).
#include "Shell.h"

#include <gtest/gtest.h>

using namespace flowshape::test;

namespace {

const std::string kSource = FLOWSHAPE_SOURCE_DIR;

TEST(PreCommitMode, AnalysesOnlyFilesInTheDatabase) {
  TempProject project("precommit-mode");
  project.source("src/orders.cpp", kPublishThenNap);
  project.source("src/new_file.cpp", kBroken); // not in the database yet: not analysed
  project.source("include/orders.h", "#pragma once\n");
  project.database({"src/orders.cpp"});
  CommandResult r = project.flowshape({"--pre-commit", "src/orders.cpp", "src/new_file.cpp", "include/orders.h"});
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("src/orders.cpp:6:3: warning:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 file, 1 flow"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("2 file(s) without a compile command in build/compile_commands.json skipped"),
            std::string::npos)
      << r.err;
}

TEST(PreCommitMode, PassesWithoutDatabaseOrKnownFiles) {
  TempProject project("precommit-skip");
  project.source("src/orders.cpp", kPublishThenNap);
  CommandResult none = project.flowshape({"--pre-commit", "src/orders.cpp"});
  EXPECT_EQ(none.code, 0);
  EXPECT_EQ(none.err, "flowshape: no build/compile_commands.json: skipping the check (configure the build with "
                      "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or point -p or FLOWSHAPE_BUILD_DIR at its directory)\n");

  project.database({"src/orders.cpp"}, "out/debug");
  EXPECT_EQ(project.flowshape({"--pre-commit", "-p", "out/debug", "src/orders.cpp"}).code, 1);
  EXPECT_EQ(runShell("FLOWSHAPE_BUILD_DIR=out/debug " + flowshapeCommand({"--pre-commit", "src/orders.cpp"}),
                     project.root)
                .code,
            1);

  CommandResult unknown = project.flowshape({"--pre-commit", "-p", "out/debug", "include/orders.h"});
  EXPECT_EQ(unknown.code, 0);
  EXPECT_EQ(unknown.err,
            "flowshape: warning: none of the 1 staged file(s) has a compile command in out/debug/compile_commands.json: "
            "nothing to analyse (a header is analysed only through a source file that includes it: stage one, or run "
            "flowshape on the whole database)\n");

  // A malformed database is an error, not a reason to pass.
  writeFile(project.root + "/out/debug/compile_commands.json", "[{]");
  EXPECT_EQ(project.flowshape({"--pre-commit", "-p", "out/debug", "src/orders.cpp"}).code, 2);
}

// Git and pre-commit with a fixed identity and their own home, so that the
// user's configuration and cache play no part.
std::string environment(const std::string &home) {
  return "HOME=" + shellQuote(home) + " PRE_COMMIT_HOME=" + shellQuote(home + "/pre-commit-cache") +
         " GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid GIT_COMMITTER_NAME=test "
         "GIT_COMMITTER_EMAIL=test@example.invalid GIT_CONFIG_NOSYSTEM=1 FLOWSHAPE=" +
         shellQuote(flowshapeBinary()) + " ";
}

class PreCommitHook : public ::testing::Test {
protected:
  void SetUp() override {
    if (runShell("git --version").code != 0)
      GTEST_SKIP() << "git is not installed";
    home = makeTempDir("precommit-home");
    env = environment(home);
    // The hook repository: the manifest and the entry script as they are in
    // this source tree, committed (pre-commit clones a revision).
    hooks = home + "/hooks";
    writeFile(hooks + "/.pre-commit-hooks.yaml", readFile(kSource + "/.pre-commit-hooks.yaml"));
    writeFile(hooks + "/scripts/pre-commit-flowshape", readFile(kSource + "/scripts/pre-commit-flowshape"));
    ASSERT_EQ(git("init -q && chmod +x scripts/pre-commit-flowshape && git add -A && git commit -qm hooks", hooks).code,
              0);
    std::string rev = git("rev-parse HEAD", hooks).out;
    rev = rev.substr(0, rev.find('\n'));

    work = home + "/work";
    writeFile(work + "/src/orders.cpp", kPublishThenNap);
    writeFile(work + "/src/announce.cpp", kPublishOnly);
    writeFile(work + "/include/orders.h", "#pragma once\nvoid publishThenNap();\n");
    writeFile(work + "/README.md", "# a service\n");
    writeFile(work + "/.pre-commit-config.yaml", "repos:\n  - repo: " + hooks + "\n    rev: " + rev +
                                                     "\n    hooks:\n      - id: flowshape\n");
    ASSERT_EQ(git("init -q && git add .pre-commit-config.yaml README.md && git commit -qm init", work).code, 0);
    haveTool = runShell(env + "pre-commit --version", work).code == 0;
  }
  void TearDown() override {
    if (!home.empty())
      llvm::sys::fs::remove_directories(home);
  }

  CommandResult git(const std::string &command, const std::string &dir) { return runShell(env + "git " + command, dir); }

  // `pre-commit run <args>`; without the tool, the command line the hook
  // declares (entry and the files) instead.
  CommandResult preCommit(const std::string &args, const std::vector<std::string> &files) {
    if (haveTool) {
      std::string line = env + "pre-commit run " + args;
      if (!files.empty()) {
        line += " --files";
        for (const auto &file : files)
          line += " " + shellQuote(file);
      }
      return runShell(line, work);
    }
    std::string line = env + shellQuote(hooks + "/scripts/pre-commit-flowshape");
    for (const auto &file : files)
      line += " " + shellQuote(file);
    return runShell(line, work);
  }

  void compileDatabase() {
    std::string json = "[\n";
    for (const char *file : {"src/orders.cpp", "src/announce.cpp"})
      json += std::string(json.size() > 2 ? ",\n" : "") + "  {\"directory\": \"" + work + "\", \"file\": \"" + file +
              "\", \"arguments\": [\"clang++\", \"-std=c++17\", \"-c\", \"" + file + "\"]}";
    writeFile(work + "/build/compile_commands.json", json + "\n]\n");
  }

  std::string home, env, hooks, work;
  bool haveTool = false;
};

TEST_F(PreCommitHook, SkipsWithAMessageWithoutDatabase) {
  CommandResult r = preCommit("flowshape --verbose", {"src/orders.cpp"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  std::string all = r.out + r.err;
  EXPECT_NE(all.find("no build/compile_commands.json: skipping the check"), std::string::npos) << all;
}

TEST_F(PreCommitHook, FailsOnFindingsInStagedFiles) {
  compileDatabase();
  CommandResult clean = preCommit("flowshape", {"src/announce.cpp", "README.md"});
  EXPECT_EQ(clean.code, 0) << clean.out << clean.err;

  CommandResult findings = preCommit("flowshape", {"src/orders.cpp", "include/orders.h"});
  EXPECT_EQ(findings.code, 1) << findings.out << findings.err;
  EXPECT_NE((findings.out + findings.err).find("src/orders.cpp:6:3: warning:"), std::string::npos) << findings.out;

  if (!haveTool)
    return; // staging is pre-commit's part
  // Without --files, pre-commit passes the staged files: only those.
  ASSERT_EQ(git("add src/announce.cpp", work).code, 0);
  CommandResult staged = preCommit("flowshape", {});
  EXPECT_EQ(staged.code, 0) << staged.out << staged.err;
  ASSERT_EQ(git("add src/orders.cpp", work).code, 0);
  staged = preCommit("flowshape", {});
  EXPECT_EQ(staged.code, 1) << staged.out << staged.err;
  EXPECT_NE(staged.out.find("[flowshape-publish-then-block]"), std::string::npos) << staged.out;
}

TEST_F(PreCommitHook, HeadersAndOtherFilesAloneDoNotRunAnalysis) {
  compileDatabase();
  CommandResult r = preCommit("flowshape --verbose", {"include/orders.h"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE((r.out + r.err).find("nothing to analyse"), std::string::npos) << r.out << r.err;
  if (haveTool) {
    CommandResult skipped = preCommit("flowshape", {"README.md"});
    EXPECT_EQ(skipped.code, 0);
    EXPECT_NE(skipped.out.find("(no files to check)Skipped"), std::string::npos) << skipped.out;
  }
}

} // namespace
