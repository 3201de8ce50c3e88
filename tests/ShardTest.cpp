// Shards: N shards' summaries merged give the report of one full run; the
// command line (--shard, --summaries-out, merge, --stats, the default cache
// location) behaves as documented.
#include "ProjectFixture.h"

#include "cache/SummaryCache.h"
#include "driver/CompileCommands.h"
#include "driver/Shards.h"
#include "summary/SummaryJson.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

using namespace flowshape;
using namespace flowshape::test;

namespace {

AnalysisRequest demoRequest() {
  AnalysisRequest request;
  request.root = testdataDir();
  request.commands = commandsForFolder(testdataDir() + "/demo");
  return request;
}

TEST(Shards, ShardOfIsStableAndCoversEveryShard) {
  EXPECT_EQ(shardOf("src/orders/handler.cpp", 1), 1u);
  std::set<unsigned> used;
  for (int i = 0; i < 200; ++i) {
    std::string path = "services/s" + std::to_string(i) + "/handler.cpp";
    unsigned shard = shardOf(path, 4);
    EXPECT_EQ(shard, shardOf(path, 4));
    EXPECT_GE(shard, 1u);
    EXPECT_LE(shard, 4u);
    used.insert(shard);
  }
  EXPECT_EQ(used.size(), 4u);
}

TEST(Shards, MergedShardsReportLikeOneFullRun) {
  std::string full = jsonOf(analyze(demoRequest()));
  ScratchDir dir;
  for (unsigned count : {2u, 3u}) {
    std::vector<std::string> files;
    size_t total = 0;
    for (unsigned k = count; k >= 1; --k) { // any order
      AnalysisRequest request = demoRequest();
      request.shardIndex = k;
      request.shardCount = count;
      ExtractedUnits units = extractUnits(request);
      total += units.files;
      files.push_back(dir.path() + "/shard-" + std::to_string(k) + "-of-" + std::to_string(count) + ".json");
      writeSummariesFile(files.back(), units, ShardSpec{k, count});
    }
    EXPECT_EQ(total, demoRequest().commands.size()) << "the shards partition the translation units";
    EXPECT_EQ(jsonOf(reportUnits(readSummariesFiles(files), "")), full) << count << " shards";
  }
}

TEST(Shards, MergeRejectsIncompleteOrMixedShards) {
  ScratchDir dir;
  auto shard = [&](unsigned k, unsigned n) {
    AnalysisRequest request = demoRequest();
    request.commands.resize(2);
    request.shardIndex = k;
    request.shardCount = n;
    std::string path = dir.path() + "/s" + std::to_string(k) + "of" + std::to_string(n) + ".json";
    writeSummariesFile(path, extractUnits(request), ShardSpec{k, n});
    return path;
  };
  std::string a = shard(1, 2), b = shard(2, 2), c = shard(1, 3);
  auto error = [](const std::vector<std::string> &files) {
    try {
      readSummariesFiles(files);
    } catch (const InputError &e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(error({a}).find("missing shard 2/2"), std::string::npos) << error({a});
  EXPECT_NE(error({a, a}).find("shard 1/2 is also given as"), std::string::npos) << error({a, a});
  EXPECT_NE(error({a, c}).find("does not belong to a run of 2 shards"), std::string::npos) << error({a, c});
  dir.write("bad.json", "{\"format\": \"flowshape-summaries\", \"version\": 1");
  EXPECT_NE(error({dir.path() + "/bad.json"}).find("malformed summaries file"), std::string::npos);
  dir.write("other.json", "{\"findings\": []}");
  EXPECT_NE(error({dir.path() + "/other.json"}).find("not a flowshape summaries file"), std::string::npos);
  EXPECT_EQ(error({a, b}), "no error");
}

// One case per kind of malformed summaries file: one line naming the file
// (and the line, for JSON that does not parse) and what is wrong.
TEST(Shards, MalformedSummariesFilesSayWhichFileAndWhat) {
  auto error = [](const std::string &content) {
    try {
      parseSummaries({{"/s/shard.json", content}});
    } catch (const InputError &e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  std::string head = std::string("{\"format\": \"flowshape-summaries\", \"version\": 2, \"tool\": \"") +
                     FLOWSHAPE_VERSION + "\", \"root\": \"/r\", \"configuration\": \"c\", ";
  std::string valid = "\"shard\": {\"index\": 1, \"count\": 1}, \"files\": 0, \"units\": [], \"failures\": []}";
  EXPECT_EQ(error(head + valid), "no error");
  const std::pair<std::string, std::string> cases[] = {
      {"{\n  \"format\": \"flowshape-summaries\",\n  \"version\": }",
       "/s/shard.json:3:14: malformed summaries file: syntax error while parsing value - unexpected '}'; expected "
       "'[', '{', or a literal"},
      {"[1]", "/s/shard.json: not a flowshape summaries file (write one with --summaries-out)"},
      {"{\"format\": 7}", "/s/shard.json: not a flowshape summaries file (write one with --summaries-out)"},
      {"{\"format\": \"flowshape-summaries\", \"version\": 9, \"tool\": \"0.0.1\"}",
       "/s/shard.json: written by flowshape 0.0.1 (summaries format 9); merge shards with the flowshape that wrote "
       "them (" FLOWSHAPE_VERSION ")"},
      {head + "\"shard\": {\"index\": -1, \"count\": 1}}",
       "/s/shard.json: malformed summaries file: \"index\" is not a non-negative integer"},
      {head + "\"shard\": {\"index\": 1, \"count\": 1e300}}",
       "/s/shard.json: malformed summaries file: \"count\" is not a non-negative integer"},
      {head + "\"shard\": {\"index\": 3, \"count\": 2}}", "/s/shard.json: invalid shard 3/2"},
      {head + "\"shard\": {\"index\": 1, \"count\": 4000000000}, \"files\": 0, \"units\": [], \"failures\": []}",
       "merge: missing shard 2/4000000000, 3/4000000000, 4/4000000000, 5/4000000000, 6/4000000000, 7/4000000000, "
       "8/4000000000, 9/4000000000 and 3999999991 more (give the summaries file of every shard)"},
      {head + "\"shard\": {\"index\": 1, \"count\": 1}, \"files\": 0, \"units\": [{\"format\": 1}], \"failures\": []}",
       "/s/shard.json: malformed summaries file: units/0: summary format 1 is not the supported " +
           std::to_string(kSummaryFormatVersion)},
      {head + "\"shard\": {\"index\": 1, \"count\": 1}, \"files\": 0, \"units\": [], \"failures\": [{\"file\": 1}]}",
       "/s/shard.json: malformed summaries file: \"file\" is not a string"},
      {head + "\"shard\": {\"index\": 1, \"count\": 1}, \"files\": 0, \"units\": []}",
       "/s/shard.json: malformed summaries file: missing \"failures\""},
  };
  for (const auto &[content, expected] : cases)
    EXPECT_EQ(error(content), expected) << content;
}

TEST(Shards, ParseShardChecksItsInput) {
  EXPECT_EQ(parseShard("2/4").index, 2u);
  EXPECT_EQ(parseShard("2/4").count, 4u);
  for (const char *bad : {"0/4", "5/4", "2", "a/b", "1/0", ""})
    EXPECT_THROW(parseShard(bad), InputError) << bad;
}

// The command line, end to end, on a copy of the demo with a compile database.
class CommandLine : public ::testing::Test {
protected:
  void SetUp() override {
    dir_.copyFolder(testdataDir() + "/demo", "demo");
    nlohmann::json database = nlohmann::json::array();
    for (const CompileCommand &c : commandsForFolder(dir_.path() + "/demo"))
      database.push_back({{"directory", c.directory}, {"file", c.file}, {"arguments", c.arguments}});
    dir_.write("demo/build/compile_commands.json", database.dump(2));
    dir_.write("demo/.flowshape.yaml", "");
  }

  int flowshape(const std::string &args, std::string &out, std::string &err) const {
    return runCommand("cd " + dir_.path() + "/demo && " + FLOWSHAPE_BINARY + " " + args, out, err);
  }

  ScratchDir dir_;
};

TEST_F(CommandLine, StatsShowTheCacheAtWork) {
  std::string out, err;
  EXPECT_EQ(flowshape("-p build --stats --format json -o cold.json", out, err), 1) << err;
  EXPECT_NE(err.find("7 translation units, 7 parsed, 0 from the cache (cache: " + dir_.path() +
                     "/demo/build/.flowshape-cache)"),
            std::string::npos)
      << err;
  EXPECT_EQ(flowshape("-p build --stats --format json -o warm.json", out, err), 1) << err;
  EXPECT_NE(err.find("7 translation units, 0 parsed, 7 from the cache"), std::string::npos) << err;
  EXPECT_EQ(readFile(dir_.path() + "/demo/cold.json"), readFile(dir_.path() + "/demo/warm.json"));
  EXPECT_EQ(flowshape("-p build --stats --no-cache -q", out, err), 1) << err;
  EXPECT_NE(err.find("7 parsed, 0 from the cache (cache: off)"), std::string::npos) << err;
  EXPECT_EQ(flowshape("-p build --stats --cache-dir elsewhere -q", out, err), 1) << err;
  EXPECT_NE(err.find("7 parsed, 0 from the cache (cache: " + dir_.path() + "/demo/elsewhere)"), std::string::npos)
      << err;
}

TEST_F(CommandLine, DamagedCacheEntriesAreRebuiltWithAWarning) {
  std::string out, err;
  EXPECT_EQ(flowshape("-p build -q --format json -o cold.json", out, err), 1) << err;
  EXPECT_EQ(err, "");
  std::string cache = dir_.path() + "/demo/build/.flowshape-cache";
  std::error_code ec;
  size_t damaged = 0;
  for (llvm::sys::fs::recursive_directory_iterator it(cache + "/v" + std::to_string(SummaryCache::kLayoutVersion) + "/summaries", ec), end; it != end && !ec;
       it.increment(ec))
    if (llvm::sys::fs::is_regular_file(it->path()) && damaged++ < 2)
      writeFile(it->path(), "flowshape-cache 1 0000 12\n{\"truncated\"");
  ASSERT_EQ(damaged, 7u);
  EXPECT_EQ(flowshape("-p build -q --format json -o warm.json", out, err), 1) << err;
  EXPECT_EQ(err, "flowshape: warning: 2 unreadable or damaged cache entries in " + cache + " rebuilt\n");
  EXPECT_EQ(readFile(dir_.path() + "/demo/cold.json"), readFile(dir_.path() + "/demo/warm.json"));
  EXPECT_EQ(flowshape("-p build -q --format json -o again.json", out, err), 1) << err;
  EXPECT_EQ(err, "") << "the rebuilt entries are good";
}

TEST_F(CommandLine, ShardsThenMergeGiveTheFullReport) {
  std::string full, out, err;
  EXPECT_EQ(flowshape("-p build --no-cache --format json", full, err), 1) << err;
  for (int k = 1; k <= 3; ++k)
    ASSERT_EQ(flowshape("-p build --no-cache --shard " + std::to_string(k) + "/3 --summaries-out s" +
                            std::to_string(k) + ".json",
                        out, err),
              0)
        << err;
  EXPECT_EQ(flowshape("merge s3.json s1.json s2.json --format json", out, err), 1) << err;
  EXPECT_EQ(out, full);
  EXPECT_EQ(flowshape("--merge s1.json s2.json s3.json --format json", out, err), 1) << err;
  EXPECT_EQ(out, full);

  EXPECT_EQ(flowshape("merge s1.json s2.json", out, err), 2);
  EXPECT_NE(err.find("flowshape: error: merge: missing shard 3/3"), std::string::npos) << err;
  EXPECT_EQ(flowshape("-p build --shard 1/3", out, err), 2);
  EXPECT_NE(err.find("--shard K/N needs --summaries-out FILE"), std::string::npos) << err;
  EXPECT_EQ(flowshape("-p build --shard 4/3 --summaries-out x.json", out, err), 2);
  EXPECT_NE(err.find("--shard: expected K/N with 1 <= K <= N"), std::string::npos) << err;
}

} // namespace
