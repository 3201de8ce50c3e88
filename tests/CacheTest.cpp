// The summary cache: a warm run parses nothing, an edit re-parses exactly
// the translation units that read the edited file, damaged entries are
// rebuilt, and anything else extraction depends on (flags, the config's
// APIs) gives another entry. Every cached run must report what a run
// without the cache reports.
#include "ProjectFixture.h"

#include "cache/SummaryCache.h"
#include "summary/SummaryJson.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/FileSystem.h"

#include <set>

using namespace flowshape;
using namespace flowshape::test;

namespace {

std::string blake3Hex(llvm::StringRef bytes) {
  return llvm::toHex(llvm::BLAKE3::hash(llvm::arrayRefFromStringRef(bytes)), /*LowerCase=*/true);
}

// A service of three translation units:
//   bus.cpp      includes bus.h
//   approval.cpp includes approval.h, which includes bus.h
//   audit.cpp    includes no project header
class CacheTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_.write("include/bus.h", R"(#pragma once
#include <librdkafka/rdkafkacpp.h>
#include <string>
class Bus {
public:
  void publish(const std::string &topic, const std::string &payload);
  RdKafka::Producer *producer = nullptr;
};
)");
    dir_.write("include/approval.h", R"(#pragma once
#include "bus.h"
#include <future>
class Approval : public RdKafka::ConsumeCb {
public:
  bool request(Bus &bus, const std::string &id);
  void consume_cb(RdKafka::Message &message, void *) override;
  std::promise<bool> decision;
};
)");
    dir_.write("src/bus.cpp", R"(#include "bus.h"
void Bus::publish(const std::string &topic, const std::string &payload) {
  producer->produce(topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char *>(payload.data()), payload.size(), nullptr, 0, 0, nullptr, nullptr);
}
)");
    dir_.write("src/approval.cpp", R"(#include "approval.h"
bool Approval::request(Bus &bus, const std::string &id) {
  std::future<bool> answer = decision.get_future();
  bus.publish("approval.requested", id);
  return answer.get();
}
void Approval::consume_cb(RdKafka::Message &message, void *) { decision.set_value(message.len() > 0); }
)");
    dir_.write("src/audit.cpp", R"(#include <librdkafka/rdkafkacpp.h>
void audit(RdKafka::Producer *producer) {
  static char line[] = "audit";
  producer->produce("audit.recorded", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, line, 5,
                    nullptr, 0, 0, nullptr, nullptr);
}
)");
  }

  AnalysisRequest request(const std::vector<std::string> &extraFlags = {}) const {
    AnalysisRequest r;
    r.root = dir_.path();
    r.cacheDir = dir_.path() + "/.flowshape-cache";
    r.jobs = 2;
    for (const std::string &file : files_) {
      CompileCommand c;
      c.file = dir_.path() + "/" + file;
      c.directory = dir_.path();
      c.arguments = {"clang++", "-std=c++17", "-Iinclude"};
      c.arguments.insert(c.arguments.end(), extraFlags.begin(), extraFlags.end());
      c.arguments.push_back(c.file);
      r.commands.push_back(std::move(c));
    }
    return r;
  }

  // Runs with the cache; checks the report against a run without it.
  AnalysisStats run(const std::vector<std::string> &extraFlags = {}) {
    AnalysisStats stats;
    std::string cached = jsonOf(analyze(request(extraFlags), &stats));
    AnalysisRequest uncached = request(extraFlags);
    uncached.cacheDir.clear();
    EXPECT_EQ(cached, jsonOf(analyze(uncached))) << "the cached run reports something else";
    EXPECT_EQ(stats.parsed + stats.fromCache, files_.size());
    return stats;
  }

  std::vector<std::string> parsed(const AnalysisStats &stats) const {
    std::vector<std::string> out;
    for (const std::string &file : stats.parsedFiles)
      out.push_back(file.substr(dir_.path().size() + 1));
    return out;
  }

  std::vector<std::string> entries(const std::string &kind) const {
    std::vector<std::string> out;
    std::error_code ec;
    for (llvm::sys::fs::recursive_directory_iterator it(dir_.path() + "/.flowshape-cache/v" + std::to_string(SummaryCache::kLayoutVersion) + "/" + kind, ec), end;
         it != end && !ec; it.increment(ec))
      if (llvm::sys::fs::is_regular_file(it->path()))
        out.push_back(it->path());
    std::sort(out.begin(), out.end());
    return out;
  }

  ScratchDir dir_;
  std::vector<std::string> files_ = {"src/approval.cpp", "src/audit.cpp", "src/bus.cpp"};
};

using Files = std::vector<std::string>;

TEST_F(CacheTest, WarmRunParsesNothing) {
  AnalysisStats cold = run();
  EXPECT_EQ(cold.parsed, 3u);
  EXPECT_EQ(cold.fromCache, 0u);
  EXPECT_TRUE(cold.cacheWarning.empty()) << cold.cacheWarning;
  EXPECT_EQ(entries("manifests").size(), 3u);
  EXPECT_EQ(entries("summaries").size(), 3u);

  AnalysisStats warm = run();
  EXPECT_EQ(warm.parsed, 0u);
  EXPECT_EQ(warm.fromCache, 3u);
  EXPECT_EQ(warm.damaged, 0u);
}

TEST_F(CacheTest, EditingAFileReparsesExactlyItsDependants) {
  run();
  dir_.append("include/bus.h", "// a comment changes the content hash\n");
  EXPECT_EQ(parsed(run()), (Files{"src/approval.cpp", "src/bus.cpp"}));
  EXPECT_EQ(run().parsed, 0u);

  dir_.append("include/approval.h", "inline int approvalVersion() { return 2; }\n");
  EXPECT_EQ(parsed(run()), (Files{"src/approval.cpp"}));

  dir_.append("src/audit.cpp", "void auditTwice(RdKafka::Producer *p) { audit(p); audit(p); }\n");
  EXPECT_EQ(parsed(run()), (Files{"src/audit.cpp"}));
  EXPECT_EQ(run().parsed, 0u);
}

TEST_F(CacheTest, RevertingAnEditFindsTheEarlierEntry) {
  run();
  std::string original = readFile(dir_.path() + "/include/bus.h");
  dir_.append("include/bus.h", "// experiment\n");
  EXPECT_EQ(run().parsed, 2u);
  dir_.write("include/bus.h", original);
  EXPECT_EQ(run().parsed, 0u) << "a manifest keeps the variants seen before";
}

TEST_F(CacheTest, DamagedEntriesAreDetectedAndRebuilt) {
  run();
  Files summaries = entries("summaries");
  ASSERT_EQ(summaries.size(), 3u);
  std::string entry = readFile(summaries[0]);
  writeFile(summaries[0], entry.substr(0, entry.size() / 2)); // truncated
  AnalysisStats truncated = run();
  EXPECT_EQ(truncated.parsed, 1u);
  EXPECT_EQ(truncated.damaged, 1u);
  EXPECT_EQ(run().parsed, 0u) << "the rebuilt entry is used";

  Files manifests = entries("manifests");
  ASSERT_EQ(manifests.size(), 3u);
  std::string manifest = readFile(manifests[1]);
  manifest[manifest.size() - 10] ^= 0x20; // one flipped bit in the payload
  writeFile(manifests[1], manifest);
  AnalysisStats flipped = run();
  EXPECT_EQ(flipped.parsed, 1u);
  EXPECT_EQ(flipped.damaged, 1u);

  // A payload that matches its checksum but is not a summary is damage too.
  summaries = entries("summaries");
  std::string payload = "{\"format\":1,\"mainFile\":7}";
  writeFile(summaries[2], "flowshape-cache " + std::to_string(SummaryCache::kLayoutVersion) + " " + blake3Hex(payload) + " " + std::to_string(payload.size()) + "\n" +
                              payload);
  AnalysisStats garbage = run();
  EXPECT_EQ(garbage.parsed, 1u);
  EXPECT_EQ(garbage.damaged, 1u);
  EXPECT_EQ(run().parsed, 0u);
}

// An inline function of a header is in the summary of every unit that
// includes it: the cache stores it once, and a warm run reads it once.
TEST_F(CacheTest, FunctionsSharedByUnitsAreStoredOnce) {
  dir_.append("include/bus.h", "inline void drain(Bus &bus) { bus.producer->flush(1000); }\n");
  AnalysisRequest cold = request();
  cold.wholeUnits = true;
  ExtractedUnits extracted = extractUnits(cold);
  size_t inUnits = 0;
  std::set<std::string> distinct;
  for (const TranslationUnitSummary &unit : extracted.units)
    for (const FunctionSummary &fn : unit.functions) {
      ++inUnits;
      distinct.insert(fn.usr);
    }
  EXPECT_EQ(inUnits, distinct.size() + 1) << "drain() is in bus.cpp's and approval.cpp's summaries";
  EXPECT_EQ(entries("functions").size(), distinct.size());

  // Warm, every unit is whole again for a shard file (--summaries-out) ...
  AnalysisStats stats;
  ExtractedUnits warm = extractUnits(cold, &stats);
  EXPECT_EQ(stats.fromCache, 3u);
  ASSERT_EQ(warm.units.size(), extracted.units.size());
  for (size_t i = 0; i < warm.units.size(); ++i)
    EXPECT_EQ(summaryToJson(warm.units[i]), summaryToJson(extracted.units[i])) << extracted.units[i].mainFile;
  // ... and for the link, the shared function is in the first unit only.
  ExtractedUnits forLink = extractUnits(request());
  size_t drains = 0;
  for (const TranslationUnitSummary &unit : forLink.units)
    for (const FunctionSummary &fn : unit.functions)
      if (fn.name == "drain") {
        ++drains;
        EXPECT_EQ(unit.mainFile, dir_.path() + "/src/approval.cpp");
      }
  EXPECT_EQ(drains, 1u);
  EXPECT_EQ(run().parsed, 0u) << "and the report is the one without the cache";

  // A damaged function entry: both units naming it are parsed again, the
  // damage counts once, and the entry is written afresh.
  for (const std::string &entry : entries("functions")) {
    std::string bytes = readFile(entry);
    if (bytes.find("drain") == std::string::npos)
      continue;
    bytes[bytes.size() - 3] ^= 0x01;
    writeFile(entry, bytes);
  }
  AnalysisStats damaged = run();
  EXPECT_EQ(parsed(damaged), (Files{"src/approval.cpp", "src/bus.cpp"}));
  EXPECT_EQ(damaged.damaged, 1u);
  EXPECT_EQ(run().parsed, 0u) << "the rebuilt entry is used";
}

TEST_F(CacheTest, UnreadableEntriesAreDamageAndRebuilt) {
  run();
  Files manifests = entries("manifests");
  ASSERT_EQ(manifests.size(), 3u);
  writeFile(manifests[2], ""); // an empty entry
  AnalysisStats empty = run();
  EXPECT_EQ(empty.parsed, 1u);
  EXPECT_EQ(empty.damaged, 1u);
  EXPECT_EQ(run().parsed, 0u);

  // Something that cannot be read as a file where an entry should be (as
  // root, permissions would not stop a read). It cannot be replaced either:
  // the run says so, and still analyses everything.
  Files summaries = entries("summaries");
  ASSERT_EQ(summaries.size(), 3u);
  llvm::sys::fs::remove(summaries[0]);
  llvm::sys::fs::create_directories(summaries[0] + "/not-an-entry");
  AnalysisStats unreadable = run();
  EXPECT_EQ(unreadable.parsed, 1u);
  EXPECT_EQ(unreadable.damaged, 1u);
  EXPECT_NE(unreadable.cacheWarning.find("cannot write cache entry"), std::string::npos) << unreadable.cacheWarning;
}

TEST_F(CacheTest, DifferentFlagsUseAnotherEntry) {
  run();
  EXPECT_EQ(run({"-DAPPROVAL_V2=1"}).parsed, 3u);
  EXPECT_EQ(run().parsed, 0u);
  EXPECT_EQ(run({"-DAPPROVAL_V2=1"}).parsed, 0u);
}

TEST_F(CacheTest, ConfigApisAreAPartOfTheKey) {
  run();
  dir_.write(".flowshape.yaml", "rules:\n  command-named-event: off\n");
  EXPECT_EQ(run().parsed, 0u) << "rule levels do not change what extraction produces";
  dir_.write(".flowshape.yaml", "apis:\n  - name: Bus::publish\n    role: publish\n    destination_arg: 0\n");
  EXPECT_EQ(run().parsed, 3u);
  EXPECT_EQ(run().parsed, 0u);
}

// A unit that fails on a missing header fails the same way until the
// header appears (or a file it read changes): a warm run does not parse it
// again, and still reports the failure and what parsed.
TEST_F(CacheTest, FailedUnitsAreKeptUntilWhatTheyMissAppears) {
  dir_.write("src/reports.cpp", R"(#include "bus.h"
#include "generated/schema.h"
void reportReady(Bus &bus) { bus.publish("report.ready", "{}"); }
)");
  files_.push_back("src/reports.cpp");
  AnalysisStats cold = run();
  EXPECT_EQ(cold.parsed, 4u);
  Report failed = analyze(request());
  ASSERT_EQ(failed.failures.size(), 1u);
  EXPECT_TRUE(failed.failures[0].partial);
  EXPECT_NE(failed.failures[0].errors.at(0).find("'generated/schema.h' file not found"), std::string::npos)
      << failed.failures[0].errors[0];

  AnalysisStats warm = run(); // and the same report as a run without the cache
  EXPECT_EQ(warm.parsed, 0u);
  EXPECT_EQ(warm.fromCache, 4u);

  dir_.append("src/reports.cpp", "// an edit to a file the failed unit read\n");
  EXPECT_EQ(parsed(run()), (Files{"src/reports.cpp"}));
  EXPECT_EQ(run().parsed, 0u);

  // The header appears: in an include directory the compiler searched.
  dir_.write("include/generated/schema.h", "#pragma once\n");
  EXPECT_EQ(parsed(run()), (Files{"src/reports.cpp"}));
  EXPECT_TRUE(analyze(request()).failures.empty());
  EXPECT_EQ(run().parsed, 0u);

  // And goes again, with its folder (Clang looked for the folder first,
  // and it is still there): the failure seen before is found again.
  llvm::sys::fs::remove(dir_.path() + "/include/generated/schema.h");
  EXPECT_EQ(parsed(run()), (Files{"src/reports.cpp"}));
  llvm::sys::fs::remove(dir_.path() + "/include/generated");
  EXPECT_EQ(run().parsed, 0u);
  EXPECT_EQ(analyze(request()).failures.size(), 1u);
}

// Include directories spelled with ".." through a symbolic link (as GCC's
// are: /lib/gcc/.../../../../include with /lib a link to /usr/lib): the
// path the compiler looked for is the one that resolves, not its lexical
// clean-up (here the project's own include/).
TEST_F(CacheTest, MissingHeadersAreWatchedWhereTheyResolve) {
  dir_.write("vendor/sdk/lib/.keep", "");
  ASSERT_FALSE(llvm::sys::fs::create_link(dir_.path() + "/vendor/sdk/lib", dir_.path() + "/sdklib"));
  dir_.write("src/sdk_user.cpp", "#include <sdk.h>\n#include \"bus.h\"\nvoid hello(Bus &bus) { bus.publish(\"hello\", \"{}\"); }\n");
  files_.push_back("src/sdk_user.cpp");
  std::vector<std::string> flags = {"-I" + dir_.path() + "/sdklib/../include"};
  EXPECT_EQ(run(flags).parsed, 4u);
  ASSERT_EQ(analyze(request(flags)).failures.size(), 1u);
  EXPECT_EQ(run(flags).parsed, 0u);
  dir_.write("vendor/sdk/include/sdk.h", "#pragma once\n");
  EXPECT_EQ(parsed(run(flags)), (Files{"src/sdk_user.cpp"}));
  EXPECT_TRUE(analyze(request(flags)).failures.empty());
}

// A failure may be fixed by an upgraded package (the same header, now
// complete): a failed unit's entry checks the system headers it read too.
TEST_F(CacheTest, FailedUnitsFollowTheSystemHeadersTheyRead) {
  dir_.write("sys/vendor/client.h", "#pragma once\nnamespace vendor { struct Client; }\n");
  dir_.write("src/vendor.cpp", R"(#include <vendor/client.h>
#include "bus.h"
void ping(Bus &bus, vendor::Client &client) {
  client.send();
  bus.publish("vendor.pinged", "{}");
}
)");
  files_.push_back("src/vendor.cpp");
  std::vector<std::string> flags = {"-isystem", dir_.path() + "/sys"};
  EXPECT_EQ(run(flags).parsed, 4u);
  Report failed = analyze(request(flags));
  ASSERT_EQ(failed.failures.size(), 1u);
  EXPECT_NE(failed.failures[0].errors.at(0).find("incomplete type"), std::string::npos) << failed.failures[0].errors[0];
  EXPECT_EQ(run(flags).parsed, 0u);

  dir_.write("sys/vendor/client.h", "#pragma once\nnamespace vendor { struct Client { void send(); }; }\n");
  EXPECT_EQ(parsed(run(flags)), (Files{"src/vendor.cpp"}));
  EXPECT_TRUE(analyze(request(flags)).failures.empty());
  EXPECT_EQ(run(flags).parsed, 0u);
}

// An invalid flag fails every unit: kept, and the flag is a part of the key.
TEST_F(CacheTest, UnitsFailedByTheirFlagsAreKeptToo) {
  EXPECT_EQ(run({"-std=c++99xx"}).parsed, 3u);
  Report failed = analyze(request({"-std=c++99xx"}));
  ASSERT_EQ(failed.failures.size(), 3u);
  EXPECT_NE(failed.failures[0].errors.at(0).find("c++99xx"), std::string::npos) << failed.failures[0].errors[0];
  EXPECT_EQ(run({"-std=c++99xx"}).parsed, 0u);
  EXPECT_EQ(run().parsed, 3u);
}

TEST_F(CacheTest, UnwritableCacheIsAWarningNotAFailure) {
  dir_.write("blocked", "a file where the cache directory would be");
  AnalysisRequest r = request();
  r.cacheDir = dir_.path() + "/blocked/cache";
  AnalysisStats stats;
  Report report = analyze(r, &stats);
  EXPECT_EQ(stats.parsed, 3u);
  EXPECT_TRUE(report.failures.empty());
  EXPECT_NE(stats.cacheWarning.find("cannot create cache directory"), std::string::npos) << stats.cacheWarning;
}

} // namespace
