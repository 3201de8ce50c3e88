// Every rule is registered once, documented next to it, and pinned by
// testdata inputs.
#include "flowshape/Rule.h"

#include <gtest/gtest.h>

#include "llvm/Support/FileSystem.h"

#include <regex>
#include <set>

using namespace flowshape;

TEST(Registry, RulesAreKebabCaseUniqueAndSorted) {
  std::set<std::string> seen;
  std::string previous;
  for (const auto &rule : allRules()) {
    std::string id = rule->id();
    EXPECT_TRUE(std::regex_match(id, std::regex("[a-z]+(-[a-z]+)*"))) << id;
    EXPECT_TRUE(seen.insert(id).second) << id << " registered twice";
    EXPECT_LT(previous, id) << "rules/Registry.cpp keeps one alphabetical list";
    previous = id;
    EXPECT_EQ(findRule(id), rule.get());
    EXPECT_FALSE(std::string(rule->summary()).empty()) << id;
    EXPECT_FALSE(std::string(rule->title()).empty()) << id;
  }
  EXPECT_EQ(findRule("no-such-rule"), nullptr);
  for (const char *id : {"sync-over-queue", "publish-then-block", "unbounded-reply-wait", "broker-request-reply",
                         "command-named-event"})
    EXPECT_NE(findRule(id), nullptr) << id;
}

TEST(Registry, EveryRuleHasDocumentationAndTestdata) {
  for (const auto &rule : allRules()) {
    std::string id = rule->id();
    std::string doc = ruleDocumentation(id);
    EXPECT_EQ(doc.rfind("# " + id + "\n", 0), 0u) << "rules/docs/" << id << ".md must start with its title";
    for (const char *section : {"## Why it matters", "## What flowshape looks for"})
      EXPECT_NE(doc.find(section), std::string::npos) << id << " doc lacks " << section;
    std::string dir = std::string(FLOWSHAPE_SOURCE_DIR) + "/testdata/rules/" + id;
    EXPECT_TRUE(llvm::sys::fs::is_directory(dir)) << dir;
    std::error_code ec;
    size_t cases = 0;
    for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec))
      ++cases;
    EXPECT_GT(cases, 0u) << dir << " has no inputs";
  }
}
