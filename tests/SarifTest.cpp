// The SARIF reporter on a report that exercises every field (SampleReport),
// and GitHub's line hash against codeql-action's own test vectors.
// Validation against the schema and the SARIF Multitool is in
// SarifValidationTest.cpp.
#include "SampleReport.h"

#include "flowshape/Rule.h"
#include "report/SourceText.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <random>

using namespace flowshape;
using nlohmann::json;

namespace {

std::vector<std::string> hashes(const std::string &text) { return githubLineHashes(text); }

std::string repeat(const std::string &text, int n) {
  std::string out;
  for (int i = 0; i < n; ++i)
    out += text;
  return out;
}

// The expected values are the test vectors of github/codeql-action
// (src/fingerprints.test.ts, test "hash"): the hash GitHub computes when a
// SARIF file without primaryLocationLineHash is uploaded.
TEST(GithubLineHash, MatchesCodeqlActionTestVectors) {
  EXPECT_EQ(hashes(""), std::vector<std::string>({"c129715d7a2bc9a3:1"}));
  EXPECT_EQ(hashes(" a\nb\n  \t\tc\n d"), std::vector<std::string>({"271789c17abda88f:1", "54703d4cd895b18:1",
                                                                    "180aee12dab6264:1", "a23a3dc5e078b07b:1"}));
  EXPECT_EQ(hashes(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End"),
            std::vector<std::string>({"8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1",
                                      "c6805c5e1288b612:1", "b86d3392aea1be30:1", "e6ceba753e1a442:1"}));
  std::vector<std::string> greetings = {"e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1",
                                        "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1",
                                        "c129715d7a2bc9a3:1"};
  EXPECT_EQ(hashes(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n"), greetings);
  EXPECT_EQ(hashes(" hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r"), greetings);
  EXPECT_EQ(hashes(" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n"), greetings);
  EXPECT_EQ(hashes(" hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n"), greetings);
  EXPECT_EQ(hashes(repeat("Lorem ipsum dolor sit amet.\n", 10)),
            std::vector<std::string>({"a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3",
                                      "a7f2ff13bc495cf2:4", "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6",
                                      "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1",
                                      "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"}));
  EXPECT_EQ(hashes("x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n"),
            std::vector<std::string>({"e54938cc54b302f1:1", "bb609acbe9138d60:1", "1131fd5871777f34:1",
                                      "5c482a0f8b35ea28:1", "54517377da7028d2:1", "2c644846cb18d53e:1",
                                      "f1b89f20de0d133:1", "c129715d7a2bc9a3:1"}));
}

// Beyond ASCII the hash runs over UTF-16 code units of the file decoded as
// Node.js decodes it: a BOM is kept, invalid bytes become U+FFFD. Expected
// values: codeql-action's hash() run under Node.js 20 on the same bytes.
TEST(GithubLineHash, HashesUtf16CodeUnitsAsNodeDecodesThem) {
  std::string text = "\xef\xbb\xbfint caf\xc3\xa9 = 1; // \xe2\x82\xac \xf0\x9f\x98\x80\r\n"
                     "bad \xff\xc3 bytes \xe0\x80\xbf \xed\xa0\x80 end\r\n"
                     "\tx\r \n"
                     "\xf4\x90\x80\x80 z\xc3";
  EXPECT_EQ(hashes(text), std::vector<std::string>({"8322a9e9cc2e468:1", "28c9f7291064c76d:1", "8fed7ebaebdcd78a:1",
                                                    "5d289d2ad45e1eb8:1", "7ebe912ab279de2e:1"}));
}

TEST(Utf8, DecodesLikeTheWhatwgDecoder) {
  EXPECT_EQ(decodeUtf8("caf\xc3\xa9"), u"caf\u00e9");
  EXPECT_EQ(decodeUtf8("\xf0\x9f\x98\x80"), u"\U0001F600");
  EXPECT_EQ(decodeUtf8("a\xff" "b"), u"a\uFFFDb");
  EXPECT_EQ(decodeUtf8("\xe0\x80\xbf"), u"\uFFFD\uFFFD\uFFFD"); // overlong: each byte is replaced
  EXPECT_EQ(decodeUtf8("\xe2\x82" "x"), u"\uFFFDx");             // truncated: one replacement
  EXPECT_EQ(decodeUtf8("\xf0\x9f\x98"), u"\uFFFD");              // truncated at the end
}

json sarifOf(const Report &report) {
  std::string text;
  llvm::raw_string_ostream os(text);
  writeSarif(report, os);
  os.flush();
  return json::parse(text);
}

const json &resultFor(const json &results, const std::string &rule) {
  for (const json &result : results)
    if (result["ruleId"] == rule)
      return result;
  throw std::runtime_error("no result for " + rule);
}

TEST(Sarif, DescribesTheToolAndEveryRule) {
  test::SampleReport sample;
  json log = sarifOf(sample.report);
  EXPECT_EQ(log["version"], "2.1.0");
  EXPECT_EQ(log["$schema"], "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json");
  ASSERT_EQ(log["runs"].size(), 1u);
  const json &driver = log["runs"][0]["tool"]["driver"];
  EXPECT_EQ(driver["name"], "flowshape");
  EXPECT_EQ(driver["version"], FLOWSHAPE_VERSION);
  EXPECT_EQ(driver["semanticVersion"], FLOWSHAPE_VERSION);
  EXPECT_TRUE(driver["informationUri"].get<std::string>().rfind("https://", 0) == 0);

  // Every registered rule, in id order (unused-suppression among them).
  const json &rules = driver["rules"];
  ASSERT_EQ(rules.size(), allRules().size());
  for (size_t i = 0; i < allRules().size(); ++i) {
    const Rule &rule = *allRules()[i];
    const json &descriptor = rules[i];
    EXPECT_EQ(descriptor["id"], rule.id());
    EXPECT_EQ(descriptor["name"], rule.title());
    EXPECT_EQ(descriptor["shortDescription"]["text"], rule.summary());
    EXPECT_GT(descriptor["fullDescription"]["text"].get<std::string>().size(),
              std::string(rule.summary()).size()) << rule.id() << ": the summary and why it matters";
    EXPECT_LE(descriptor["fullDescription"]["text"].get<std::string>().size(), 1024u);
    EXPECT_EQ(descriptor["help"]["markdown"], ruleDocumentation(rule.id()));
    std::string text = descriptor["help"]["text"];
    EXPECT_EQ(text.find("```"), std::string::npos) << rule.id();
    EXPECT_EQ(text.find("**"), std::string::npos) << rule.id();
    EXPECT_EQ(descriptor["defaultConfiguration"]["level"], severityName(rule.defaultSeverity()));
    EXPECT_EQ(descriptor["properties"]["tags"], rule.tags());
    EXPECT_EQ(descriptor["properties"]["precision"], rule.precision());
    EXPECT_EQ(descriptor["properties"]["problem.severity"],
              rule.defaultSeverity() == Severity::Note ? "recommendation" : severityName(rule.defaultSeverity()));
  }
  const json *unused = nullptr;
  for (const json &descriptor : rules)
    if (descriptor["id"] == "unused-suppression")
      unused = &descriptor;
  ASSERT_NE(unused, nullptr);
  EXPECT_EQ((*unused)["name"], "UnusedSuppression");
  EXPECT_EQ((*unused)["defaultConfiguration"]["level"], "note");
}

// A finding whose rule is not registered still gets a descriptor, after the
// registered ones, so that ruleIndex always points somewhere.
TEST(Sarif, DescribesRuleIdsThatAreNotRegistered) {
  test::SampleReport sample;
  Finding extra = sample.report.findings.front();
  extra.rule = "experimental-check";
  extra.suppression.reset();
  sample.report.findings.push_back(extra);
  json log = sarifOf(sample.report);
  const json &rules = log["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), allRules().size() + 1);
  EXPECT_EQ(rules.back()["id"], "experimental-check");
  bool indexed = false;
  for (const json &result : log["runs"][0]["results"])
    if (result["ruleId"] == "experimental-check")
      indexed = result["ruleIndex"] == allRules().size();
  EXPECT_TRUE(indexed);
}

TEST(Sarif, ResultsCarryLocationsEvidenceFlowsAndFingerprints) {
  test::SampleReport sample;
  json log = sarifOf(sample.report);
  const json &run = log["runs"][0];
  const json &results = run["results"];
  ASSERT_EQ(results.size(), 4u);
  EXPECT_EQ(run["columnKind"], "utf16CodeUnits");
  // Sorted by file, line, column, rule.
  std::vector<std::string> order;
  for (const json &result : results)
    order.push_back(result["ruleId"]);
  EXPECT_EQ(order, std::vector<std::string>({"unused-suppression", "sync-over-queue", "unbounded-reply-wait",
                                             "command-named-event"}));
  for (const json &result : results)
    EXPECT_EQ(run["tool"]["driver"]["rules"][result["ruleIndex"].get<size_t>()]["id"], result["ruleId"]);

  const json &reply = resultFor(results, "sync-over-queue");
  EXPECT_EQ(reply["level"], "warning");
  EXPECT_EQ(reply["message"]["text"], "publishes 'approval.requested' and then blocks until the reply arrives "
                                      "\\[sample\\] (evidence: [publish](1), [wait](2))");
  const json &primary = reply["locations"][0];
  EXPECT_EQ(primary["physicalLocation"]["artifactLocation"], json({{"uri", "src/orders.cpp"}, {"uriBaseId", "%SRCROOT%"}}));
  // Byte columns 22..36 around a two-byte character are UTF-16 columns 21..35.
  EXPECT_EQ(primary["physicalLocation"]["region"],
            json({{"startLine", 7}, {"startColumn", 21}, {"endLine", 7}, {"endColumn", 35}}));
  EXPECT_EQ(primary["logicalLocations"][0]["fullyQualifiedName"], "shop::Orders::approve");

  const json &related = reply["relatedLocations"];
  ASSERT_EQ(related.size(), 2u);
  EXPECT_EQ(related[0]["id"], 1);
  EXPECT_EQ(related[0]["physicalLocation"]["artifactLocation"]["uri"], "src/bus.cpp");
  EXPECT_EQ(related[0]["message"]["text"],
            "publish to 'approval.requested' via Producer::produce (through shop::Bus::send at src/orders.cpp:6)");
  EXPECT_EQ(related[1]["id"], 2);

  // publish (through the wrapper) -> wait.
  const json &steps = reply["codeFlows"][0]["threadFlows"][0]["locations"];
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[0]["location"]["message"]["text"], "calls shop::Bus::send");
  EXPECT_EQ(steps[0]["location"]["physicalLocation"]["region"]["startLine"], 6);
  EXPECT_EQ(steps[0]["kinds"], json({"call"}));
  EXPECT_EQ(steps[0]["nestingLevel"], 0);
  EXPECT_EQ(steps[1]["location"]["physicalLocation"]["artifactLocation"]["uri"], "src/bus.cpp");
  EXPECT_EQ(steps[1]["nestingLevel"], 1);
  EXPECT_EQ(steps[2]["location"]["physicalLocation"]["region"]["startLine"], 7);
  EXPECT_EQ(steps[2]["nestingLevel"], 0);

  std::string orders = sample.root + "/src/orders.cpp";
  SourceText sources;
  EXPECT_EQ(reply["partialFingerprints"],
            json({{"primaryLocationLineHash", sources.lineHash(orders, 7)},
                  {"flowshapeFingerprint/v1", "0123456789abcdef:1"}}));
  EXPECT_EQ(reply["baselineState"], "new");
  EXPECT_FALSE(reply.contains("suppressions"));
  EXPECT_EQ(resultFor(results, "unbounded-reply-wait")["baselineState"], "unchanged");

  const json &command = resultFor(results, "command-named-event");
  EXPECT_EQ(command["level"], "note");
  ASSERT_EQ(command["suppressions"].size(), 1u);
  EXPECT_EQ(command["suppressions"][0]["kind"], "inSource");
  EXPECT_EQ(command["suppressions"][0]["status"], "accepted");
  EXPECT_EQ(command["suppressions"][0]["justification"], "legacy topic");
  EXPECT_EQ(command["suppressions"][0]["location"]["physicalLocation"]["region"]["startLine"], 12);
  EXPECT_FALSE(command.contains("codeFlows")) << "no evidence, no flow";

  const json &unused = resultFor(results, "unused-suppression");
  EXPECT_FALSE(unused["locations"][0].contains("logicalLocations"));
  EXPECT_FALSE(unused.contains("relatedLocations"));
  EXPECT_EQ(unused["locations"][0]["physicalLocation"]["region"]["startLine"], 2);
}

TEST(Sarif, FailedTranslationUnitsAndNoticesAreNotifications) {
  test::SampleReport sample;
  json log = sarifOf(sample.report);
  const json &invocation = log["runs"][0]["invocations"][0];
  EXPECT_EQ(invocation["executionSuccessful"], false);
  const json &notifications = invocation["toolExecutionNotifications"];
  ASSERT_EQ(notifications.size(), 2u);
  EXPECT_EQ(notifications[0]["level"], "error");
  EXPECT_EQ(notifications[0]["message"]["text"], "translation unit could not be analysed: src/broken.cpp:3:1: error: "
                                                 "unknown type name 'nope'; 1 error generated");
  EXPECT_EQ(notifications[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "src/broken.cpp");
  EXPECT_EQ(notifications[1]["level"], "note");
  EXPECT_EQ(notifications[1]["message"]["text"], "baseline: 1 entry no longer matches a finding");

  sample.report.failures.clear();
  sample.report.notices.clear();
  json clean = sarifOf(sample.report);
  EXPECT_EQ(clean["runs"][0]["invocations"][0], json({{"executionSuccessful", true}}));
}

TEST(Sarif, SameFindingsGiveTheSameBytes) {
  test::SampleReport sample;
  std::string first, second;
  llvm::raw_string_ostream a(first), b(second);
  writeSarif(sample.report, a);
  std::mt19937 random(7);
  std::shuffle(sample.report.findings.begin(), sample.report.findings.end(), random);
  writeSarif(sample.report, b);
  EXPECT_EQ(a.str(), b.str());
}

} // namespace
