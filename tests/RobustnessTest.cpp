// Hostile conditions end to end (issue 13, issue 11's bounded resources):
// text that is not UTF-8, write errors, shards of different configurations,
// duplicate database entries, units that crash, hang or eat memory,
// interrupts, concurrent runs on one cache, and selections that match
// nothing. Each runs the built binary in a temporary project.
#include "Shell.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "llvm/ADT/StringRef.h"

#include <unistd.h>

using namespace flowshape::test;

namespace {

class Robustness : public ::testing::Test {
protected:
  CommandResult run(const std::vector<std::string> &args) { return project.flowshape(args); }
  void source(const std::string &relative, const std::string &text) { project.source(relative, text); }
  // One database entry per {file, extra flags}.
  void database(const std::vector<std::pair<std::string, std::vector<std::string>>> &entries) {
    std::string json = "[\n";
    for (size_t i = 0; i < entries.size(); ++i) {
      json += std::string(i ? ",\n" : "") + "  {\"directory\": \"" + root + "\", \"file\": \"" + entries[i].first +
              "\", \"arguments\": [\"clang++\", \"-std=c++20\"";
      for (const std::string &flag : entries[i].second)
        json += ", \"" + flag + "\"";
      json += ", \"-c\", \"" + entries[i].first + "\"]}";
    }
    writeFile(root + "/build/compile_commands.json", json + "\n]\n");
  }
  bool exists(const std::string &relative) const { return llvm::sys::fs::exists(root + "/" + relative); }
  // Files whose name holds ".tmp-": left-over temporary files.
  std::vector<std::string> temporaries() const {
    std::vector<std::string> out;
    std::error_code error;
    for (llvm::sys::fs::recursive_directory_iterator it(root, error), end; it != end && !error; it.increment(error))
      if (llvm::StringRef(it->path()).contains(".tmp-"))
        out.push_back(it->path());
    return out;
  }

  TempProject project{"robust"};
  const std::string &root = project.root;
};

const char *const kReplacement = "\xEF\xBF\xBD"; // U+FFFD

// A Latin-1 topic (a finding's message) and a Latin-1 suppression reason.
const char *const kLatin1Topic = "#include <librdkafka/rdkafka.h>\n#include <unistd.h>\n\n"
                                 "void publishThenNap(rd_kafka_t *rk) {\n"
                                 "  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(\"commandes.\xE9t\xE9\"), RD_KAFKA_V_END);\n"
                                 "  usleep(1000);\n}\n";
const char *const kLatin1Reason = "#include <librdkafka/rdkafka.h>\n#include <unistd.h>\n\n"
                                  "void napOnPurpose(rd_kafka_t *rk) {\n"
                                  "  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(\"orders.placed\"), RD_KAFKA_V_END);\n"
                                  "  usleep(1000); // NOLINT(flowshape-publish-then-block): caf\xE9 break\n}\n";

// Spins far past --tu-timeout in constant evaluation.
const char *const kSpins = "constexpr long spin() {\n  long s = 0;\n"
                           "  for (long i = 0; i < 4000000000L; ++i)\n    s += i & 1;\n  return s;\n}\n"
                           "constexpr long spun = spin();\n";

TEST_F(Robustness, TextThatIsNotUtf8NeverStopsAReport) {
  source("src/topic.cpp", kLatin1Topic);
  source("src/reason.cpp", kLatin1Reason);
  database({{"src/topic.cpp", {}}, {"src/reason.cpp", {}}});
  std::vector<std::string> args{"-p",       "build",    "--no-color", "--json",   "r.json", "--sarif",
                                "r.sarif", "--markdown", "r.md",     "-o",       "r.txt"};
  CommandResult first = run(args);
  ASSERT_EQ(first.code, 1) << first.err; // the finding on the Latin-1 topic
  std::map<std::string, std::string> written;
  for (const char *file : {"r.json", "r.sarif", "r.md", "r.txt"}) {
    written[file] = readFile(root + "/" + file);
    EXPECT_NE(written[file].find(kReplacement), std::string::npos) << file << "\n" << written[file];
  }
  for (const char *file : {"r.json", "r.sarif"}) {
    nlohmann::json parsed = nlohmann::json::parse(written[file]); // strict UTF-8
    EXPECT_NE(written[file].find("caf" + std::string(kReplacement) + " break"), std::string::npos) << file;
  }
  // The same bytes from the cache (its entries are JSON too).
  CommandResult cached = run([&] {
    auto withStats = args;
    withStats.push_back("--stats");
    return withStats;
  }());
  EXPECT_EQ(cached.code, 1) << cached.err;
  EXPECT_NE(cached.err.find("0 parsed, 2 from the cache"), std::string::npos) << cached.err;
  for (const auto &[file, bytes] : written)
    EXPECT_EQ(readFile(root + "/" + file), bytes) << file;
  // And through a shard's summaries file.
  EXPECT_EQ(run({"-p", "build", "--shard", "1/1", "--summaries-out", "s.json"}).code, 0);
  CommandResult merged = run({"merge", "s.json", "--format", "json"});
  EXPECT_EQ(merged.code, 1) << merged.err;
  EXPECT_EQ(merged.out, written["r.json"]);
}

TEST_F(Robustness, WriteErrorsExitTwoNamingTheFile) {
  source("src/orders.cpp", kPublishOnly);
  database({{"src/orders.cpp", {}}});
  for (const std::vector<std::string> &target :
       {std::vector<std::string>{"-o", "/dev/full"}, {"--json", "/dev/full"}, {"--sarif", "/dev/full"},
        {"--markdown", "/dev/full"}, {"--shard", "1/1", "--summaries-out", "/dev/full"}}) {
    std::vector<std::string> args{"-p", "build", "--fail-on", "none"};
    args.insert(args.end(), target.begin(), target.end());
    CommandResult r = run(args);
    EXPECT_EQ(r.code, 2) << target.front() << "\n" << r.err;
    EXPECT_NE(r.err.find("flowshape: error: /dev/full: cannot write: "), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("LLVM ERROR"), std::string::npos) << r.err;
  }
  CommandResult stdoutFull = runShell(flowshapeCommand({"-p", "build", "--fail-on", "none"}) + " >/dev/full", root);
  EXPECT_EQ(stdoutFull.code, 2) << stdoutFull.err;
  EXPECT_NE(stdoutFull.err.find("flowshape: error: standard output: cannot write: "), std::string::npos)
      << stdoutFull.err;

  writeFile(root + "/plain", "a file, not a directory\n");
  CommandResult notADirectory = run({"-p", "build", "--fail-on", "none", "--json", "plain/r.json"});
  EXPECT_EQ(notADirectory.code, 2);
  EXPECT_NE(notADirectory.err.find("flowshape: error: plain/r.json: cannot write: "), std::string::npos)
      << notADirectory.err;

  if (::geteuid() != 0) { // root writes anywhere
    llvm::sys::fs::create_directories(root + "/locked");
    llvm::sys::fs::setPermissions(root + "/locked", llvm::sys::fs::all_read | llvm::sys::fs::all_exe);
    CommandResult locked = run({"-p", "build", "--fail-on", "none", "-o", "locked/r.txt"});
    EXPECT_EQ(locked.code, 2);
    EXPECT_NE(locked.err.find("flowshape: error: locked/r.txt: cannot write: "), std::string::npos) << locked.err;
    llvm::sys::fs::setPermissions(root + "/locked", llvm::sys::fs::all_all);
  }
  // A report that was written replaces the old one whole; nothing is left over.
  writeFile(root + "/r.txt", "an older report\n");
  EXPECT_EQ(run({"-p", "build", "-o", "r.txt"}).code, 0);
  EXPECT_NE(readFile(root + "/r.txt").find("1 file, 1 flow"), std::string::npos);
  EXPECT_EQ(temporaries(), std::vector<std::string>{});
}

TEST_F(Robustness, MergeRefusesShardsOfAnotherConfiguration) {
  source("src/a.cpp", kPublishOnly);
  source("src/b.cpp", kPublishThenNap);
  database({{"src/a.cpp", {}}, {"src/b.cpp", {}}});
  ASSERT_EQ(run({"-p", "build", "--shard", "1/2", "--summaries-out", "s1.json"}).code, 0);
  ASSERT_EQ(run({"-p", "build", "--shard", "2/2", "--summaries-out", "s2.json"}).code, 0);
  EXPECT_EQ(run({"merge", "s1.json", "s2.json"}).code, 1); // same configuration: merged

  writeFile(root + "/.flowshape.yaml", "exclude: [generated/]\n");
  ASSERT_EQ(run({"-p", "build", "--shard", "2/2", "--summaries-out", "s2.json"}).code, 0);
  CommandResult mixed = run({"merge", "s1.json", "s2.json"});
  EXPECT_EQ(mixed.code, 2);
  EXPECT_EQ(mixed.err, "flowshape: error: s2.json: written under another configuration (.flowshape.yaml, catalogs "
                       "or project filter) than s1.json: run every shard with the same configuration\n");
  EXPECT_EQ(mixed.out, "");
}

TEST_F(Robustness, DuplicateEntriesGiveTheSameResultInAnyOrder) {
  source("src/orders.cpp", "#include <librdkafka/rdkafka.h>\n#include <unistd.h>\n\n"
                           "void send(rd_kafka_t *rk) {\n"
                           "  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(\"orders.placed\"), RD_KAFKA_V_END);\n"
                           "#ifdef NAP\n  usleep(1000);\n#endif\n}\n");
  database({{"src/orders.cpp", {}}, {"src/orders.cpp", {"-DNAP"}}});
  CommandResult forward = run({"-p", "build", "--format", "json", "--no-cache"});
  database({{"src/orders.cpp", {"-DNAP"}}, {"src/orders.cpp", {}}});
  CommandResult backward = run({"-p", "build", "--format", "json", "--no-cache"});
  EXPECT_EQ(forward.code, backward.code);
  EXPECT_EQ(forward.out, backward.out);
  // The rule (README): the entry whose arguments sort first, "-DNAP" here.
  EXPECT_EQ(forward.code, 1) << forward.out;
}

TEST_F(Robustness, AUnitThatCrashesHangsOrEatsMemoryFailsAlone) {
  source("src/ok.cpp", kPublishOnly);
  // Clang's parser recurses once per parenthesis: a stack overflow.
  source("src/deep.cpp", "int deep() { return " + std::string(100000, '(') + "1" + std::string(100000, ')') + "; }\n");
  source("src/spins.cpp", kSpins);
  source("src/hungry.cpp", "constexpr int hungry() {\n  int *block = new int[100000000];\n  block[0] = 1;\n"
                           "  int first = block[0];\n  delete[] block;\n  return first;\n}\n"
                           "constexpr int fed = hungry();\n");
  database({{"src/ok.cpp", {}},
            {"src/deep.cpp", {"-fbracket-depth=200000"}},
            {"src/spins.cpp", {"-fconstexpr-steps=2147483647"}},
            {"src/hungry.cpp", {"-fconstexpr-steps=2147483647"}}});
  // Under AddressSanitizer (scripts/test.sh --sanitize) its SIGSEGV handler
  // would catch the worker's stack overflow in Clang, report it and exit 1:
  // this run leaves the signal to the worker, as in a normal build, so that
  // the crash is seen as one. (Clang itself is not instrumented; flowshape's
  // own memory errors are still found without the handler.)
  std::string asan;
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
  asan = "ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}handle_segv=0\" ";
#endif
#endif
  std::string out;
  for (const char *jobs : {"1", "3"}) {
    CommandResult r = runShell(asan + flowshapeCommand({"-p", "build", "--no-color", "--no-cache", "-j", jobs,
                                                        "--tu-timeout", "5", "--tu-memory", "600"}),
                               root);
    EXPECT_EQ(r.code, 3) << r.out << r.err;
    for (const std::string &expected :
         {root + "/src/deep.cpp: error: the compiler crashed on this translation unit (Segmentation fault)",
          root + "/src/spins.cpp: error: stopped after 5 s (the limit of --tu-timeout)",
          root + "/src/hungry.cpp: error: stopped: it needs more than 600 MB of memory (the limit of --tu-memory)",
          std::string("event-driven             announce"), std::string("4 files, 1 flow")})
      EXPECT_NE(r.out.find(expected), std::string::npos) << expected << "\n" << r.out;
    if (out.empty())
      out = r.out;
    else
      EXPECT_EQ(r.out, out); // the same for any --jobs
  }
  // A crash or a limit is no answer about the code: the cache keeps none of
  // them (failures the compiler reports are kept), and they run again.
  for (int pass = 0; pass < 2; ++pass) {
    CommandResult r = runShell(asan + flowshapeCommand({"-p", "build", "--no-color", "--cache-dir", "cache", "-j", "3",
                                                        "--tu-timeout", "5", "--tu-memory", "600", "--stats"}),
                               root);
    EXPECT_EQ(r.code, 3) << r.out << r.err;
    EXPECT_EQ(r.out, out);
    std::string counts = pass == 0 ? "4 parsed, 0 from the cache" : "3 parsed, 1 from the cache";
    EXPECT_NE(r.err.find(counts), std::string::npos) << counts << "\n" << r.err;
  }
}

TEST_F(Robustness, AnInterruptStopsWorkersAndLeavesNoPartialFiles) {
  source("src/ok.cpp", kPublishOnly);
  source("src/spins.cpp", kSpins);
  database({{"src/ok.cpp", {}}, {"src/spins.cpp", {"-fconstexpr-steps=2147483647"}}});
  // Waits for the worker to run, then sends SIGTERM to flowshape alone.
  std::string script = flowshapeCommand({"-p", "build", "-j", "1", "--tu-timeout", "0", "-o", "report.txt",
                                         "--json", "report.json"}) +
                       " & pid=$!\n"
                       "for i in $(seq 600); do w=$(pgrep -P $pid); [ -n \"$w\" ] && break; sleep 0.1; done\n"
                       "sleep 1; kill -TERM $pid; wait $pid; echo \"status $?\"\n"
                       // A killed worker may stay a zombie until something reaps it.
                       "sleep 0.5; s=$(ps -o stat= -p \"$w\"); case \"$s\" in Z*|'') ;; *) echo 'worker alive';; esac\n"
                       "[ -n \"$w\" ] && echo 'worker seen'\n";
  CommandResult r = runShell(script, root);
  EXPECT_NE(r.out.find("status 143"), std::string::npos) << r.out << r.err; // killed by SIGTERM
  EXPECT_NE(r.out.find("worker seen"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("worker alive"), std::string::npos) << r.out;
  EXPECT_FALSE(exists("report.txt"));
  EXPECT_FALSE(exists("report.json"));
  EXPECT_EQ(temporaries(), std::vector<std::string>{});
  // The cache holds no damaged entry: the next run reads or rebuilds cleanly.
  database({{"src/ok.cpp", {}}});
  CommandResult next = run({"-p", "build", "--stats"});
  EXPECT_EQ(next.code, 0) << next.err;
  EXPECT_EQ(next.err.find("damaged"), std::string::npos) << next.err;
}

TEST_F(Robustness, TwoRunsSharingOneCacheNeverCorruptIt) {
  std::vector<std::pair<std::string, std::vector<std::string>>> entries;
  for (int i = 0; i < 8; ++i) {
    std::string file = "src/unit" + std::to_string(i) + ".cpp";
    source(file, i % 2 ? kPublishOnly : kPublishThenNap);
    entries.push_back({file, {}});
  }
  database(entries);
  for (int round = 0; round < 2; ++round) {
    std::string one = flowshapeCommand({"-p", "build", "-j", "2", "--format", "json", "--cache-dir", "shared"});
    CommandResult both = runShell(one + " >one.json & " + one + " >two.json & wait", root);
    EXPECT_EQ(readFile(root + "/one.json"), readFile(root + "/two.json"));
    CommandResult after = run({"-p", "build", "--format", "json", "--cache-dir", "shared", "--stats"});
    EXPECT_NE(after.err.find("0 parsed, 8 from the cache"), std::string::npos) << after.err;
    EXPECT_EQ(after.err.find("damaged"), std::string::npos) << after.err;
    EXPECT_EQ(after.out, readFile(root + "/one.json"));
    source("src/unit0.cpp", std::string(kPublishThenNap) + "// edited\n"); // one entry to rewrite
  }
  EXPECT_EQ(temporaries(), std::vector<std::string>{});
}

TEST_F(Robustness, SilentPassesSayWhatHappened) {
  source("src/orders.cpp", kPublishOnly);
  source("src/other.cpp", kPublishOnly);
  database({{"src/orders.cpp", {}}});
  writeFile(root + "/.flowshape.yaml", "include: ['srcs/**']\n");
  CommandResult typo = run({"-p", "build"});
  EXPECT_EQ(typo.code, 0);
  EXPECT_NE(typo.err.find("flowshape: warning: " + root +
                          "/.flowshape.yaml: include 'srcs/**' matches no file of the compilation database"),
            std::string::npos)
      << typo.err;
  EXPECT_NE(typo.err.find("flowshape: warning: no translation unit selected"), std::string::npos) << typo.err;
  llvm::sys::fs::remove(root + "/.flowshape.yaml");

  // An entry whose command compiles another file than its "file".
  writeFile(root + "/build/compile_commands.json",
            "[\n  {\"directory\": \"" + root +
                "\", \"file\": \"src/orders.cpp\", \"arguments\": [\"clang++\", \"-c\", \"src/other.cpp\"]}\n]\n");
  CommandResult other = run({"-p", "build"});
  EXPECT_NE(other.err.find("flowshape: warning: build/compile_commands.json:2:4: entry 1 compiles src/other.cpp, "
                           "not its \"file\" src/orders.cpp: the command is analysed as written"),
            std::string::npos)
      << other.err;

  // Pre-commit mode with only a header staged: nothing is checked.
  source("include/orders.h", "void announce();\n");
  database({{"src/orders.cpp", {}}});
  CommandResult header = run({"--pre-commit", "-p", "build", "include/orders.h"});
  EXPECT_EQ(header.code, 0);
  EXPECT_NE(header.err.find("flowshape: warning: none of the 1 staged file(s) has a compile command in "
                            "build/compile_commands.json: nothing to analyse (a header is analysed only through "
                            "a source file that includes it"),
            std::string::npos)
      << header.err;
}

} // namespace
