// .flowshape.yaml: every malformed configuration is an error naming the
// file, line, column and key; include/exclude select files before parsing
// (.gitignore style); header-filter keeps headers out of the analysis.
#include "Shell.h"

#include "driver/Analysis.h"
#include "flowshape/Config.h"

#include <gtest/gtest.h>

using namespace flowshape;
using namespace flowshape::test;

namespace {

std::string configError(const std::string &yaml) {
  try {
    parseConfig("/p/.flowshape.yaml", yaml);
  } catch (const ConfigError &error) {
    return error.what();
  }
  return "no error";
}

TEST(ConfigErrors, UnknownKey) {
  EXPECT_EQ(configError("rules: {}\nexcludes: [a]\n"),
            "/p/.flowshape.yaml:2:1: unknown key 'excludes' (known: rules, include, exclude, header-filter, "
            "require-justification, apis, event-names)");
  EXPECT_EQ(configError("event-names:\n  verbs: [a]\n"),
            "/p/.flowshape.yaml:2:3: event-names: unknown key 'verbs' (known: command-words, query-words, fact-words)");
  EXPECT_EQ(configError("apis:\n  - name: a::b\n    role: publish\n    colour: red\n"),
            "/p/.flowshape.yaml:4:5: apis: unknown key 'colour'");
}

TEST(ConfigErrors, UnknownRuleAndBadLevel) {
  std::string unknown = configError("rules:\n  sync-over-queues: error\n");
  EXPECT_EQ(unknown.rfind("/p/.flowshape.yaml:2:3: rules: unknown rule 'sync-over-queues' (known: broker-request-reply, "
                          "command-named-event, ",
                          0),
            0u)
      << unknown;
  EXPECT_EQ(configError("rules:\n  sync-over-queue: loud\n"),
            "/p/.flowshape.yaml:2:20: rules: sync-over-queue: level must be off, note, warning or error, not 'loud'");
}

TEST(ConfigErrors, BadGlobAndRegex) {
  EXPECT_EQ(configError("exclude:\n  - ok/**\n  - '[abc'\n"),
            "/p/.flowshape.yaml:3:5: exclude: invalid glob '[abc': unterminated character class '[' at offset 0");
  EXPECT_EQ(configError("include: ['!legacy']\n"),
            "/p/.flowshape.yaml:1:11: include: invalid glob '!legacy': negated patterns ('!') are not supported: list "
            "what to keep under 'include'");
  EXPECT_EQ(configError("header-filter: 'services/(.*'\n"),
            "/p/.flowshape.yaml:1:16: header-filter: invalid regular expression 'services/(.*': parentheses not "
            "balanced");
  EXPECT_EQ(configError("apis:\n  - name_regex: '(a'\n    role: publish\n").rfind("/p/.flowshape.yaml:2:5: apis: ", 0),
            0u);
}

TEST(ConfigErrors, MalformedYaml) {
  EXPECT_EQ(configError("rules: [sync-over-queue\n"),
            "/p/.flowshape.yaml:1:24: malformed YAML: Could not find closing ]!");
  EXPECT_EQ(configError("rules:\n  a: 'b\n").rfind("/p/.flowshape.yaml:2:", 0), 0u);
  EXPECT_EQ(configError("a: b: c\n").rfind("/p/.flowshape.yaml:1:5: malformed YAML: ", 0), 0u);
  EXPECT_EQ(configError("rules: {}\n---\nrules: {}\n"), "/p/.flowshape.yaml:3:1: a configuration is a single YAML document");
}

TEST(ConfigErrors, WrongTypes) {
  EXPECT_EQ(configError("- rules\n"),
            "/p/.flowshape.yaml:1:1: expected a mapping of keys (rules, include, exclude, header-filter, "
            "require-justification, apis, event-names)");
  EXPECT_EQ(configError("include: 'src/**'\n"),
            "/p/.flowshape.yaml:1:10: include: expected a list of globs, e.g. [\"...\"], not a string");
  EXPECT_EQ(configError("rules: [sync-over-queue]\n"),
            "/p/.flowshape.yaml:1:9: rules: expected a mapping of rule ids to off, note, warning or error, not a list");
  EXPECT_EQ(configError("rules:\n  sync-over-queue: [error]\n"),
            "/p/.flowshape.yaml:2:21: rules: sync-over-queue: expected off, note, warning or error, not a list");
  EXPECT_EQ(configError("header-filter: [a]\n"),
            "/p/.flowshape.yaml:1:17: header-filter: expected a regular expression, not a list");
  EXPECT_EQ(configError("require-justification: yes please\n"),
            "/p/.flowshape.yaml:1:24: require-justification: expected true or false, not 'yes please'");
  EXPECT_EQ(configError("apis: {name: x}\n"),
            "/p/.flowshape.yaml:1:8: apis: expected a list of catalog entries (docs/catalog.md), not a mapping");
  EXPECT_EQ(configError("event-names:\n  command-words: approve\n"),
            "/p/.flowshape.yaml:2:18: event-names: command-words: expected a list of words, e.g. [\"...\"], not a "
            "string");
  EXPECT_EQ(configError("rules:\n  sync-over-queue: error\nrules: {}\n"), "/p/.flowshape.yaml:3:1: duplicate key 'rules'");
}

TEST(Config, EmptyAndCommentOnlyFilesAreValid) {
  for (const char *yaml : {"", "\n", "# nothing yet\n", "rules:\ninclude:\nexclude:\nheader-filter:\napis:\nevent-names:\n",
                           "rules:\n  # sync-over-queue: error\n"}) {
    auto config = parseConfig("/p/.flowshape.yaml", yaml);
    EXPECT_TRUE(config->selects("/p/src/a.cpp")) << yaml;
    EXPECT_FALSE(config->requireJustification);
  }
}

TEST(Config, ValuesAreRead) {
  auto config = parseConfig("/p/.flowshape.yaml", "rules:\n  command-named-event: off\n  unused-suppression: warning\n"
                                                  "require-justification: true\nheader-filter: 'services/'\n");
  EXPECT_FALSE(config->severityOf("command-named-event", Severity::Note));
  EXPECT_EQ(config->severityOf("unused-suppression", Severity::Note), Severity::Warning);
  EXPECT_EQ(config->severityOf("sync-over-queue", Severity::Warning), Severity::Warning);
  EXPECT_TRUE(config->requireJustification);
  EXPECT_EQ(config->headerFilter, "services/");
}

TEST(Config, IncludeAndExcludeAreGitignoreStyleAndRelativeToTheConfig) {
  auto config = parseConfig("/p/.flowshape.yaml", "include: ['services/**']\nexclude: ['*_test.cpp', 'legacy/']\n");
  EXPECT_TRUE(config->selects("/p/services/billing/src/charge.cpp"));
  EXPECT_FALSE(config->selects("/p/services/billing/src/charge_test.cpp"));
  EXPECT_FALSE(config->selects("/p/services/billing/legacy/old.cpp"));
  EXPECT_FALSE(config->selects("/p/tools/gen.cpp"));
  EXPECT_FALSE(config->selects("/elsewhere/services/a.cpp")); // outside the config's directory

  auto star = parseConfig("/p/.flowshape.yaml", "include: ['src/*.cpp']\n");
  EXPECT_TRUE(star->selects("/p/src/a.cpp"));
  EXPECT_FALSE(star->selects("/p/src/sub/a.cpp")); // '*' does not cross '/'

  auto excludeOnly = parseConfig("/p/.flowshape.yaml", "exclude: ['generated/']\n");
  EXPECT_TRUE(excludeOnly->selects("/elsewhere/a.cpp"));
  EXPECT_FALSE(excludeOnly->selects("/p/a/generated/b.cpp"));
}

// A project whose source includes a header of its own service and one of a
// library it vendors in-tree: header-filter decides which are analysed.
TEST(HeaderFilter, HeadersOutsideTheFilterAreNotAnalysed) {
  TempProject project("header-filter");
  project.source("services/orders/include/orders/bus.h", R"(#pragma once
#include <librdkafka/rdkafka.h>
inline void publishOrder(rd_kafka_t *rk) {
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("orders.placed"), RD_KAFKA_V_END);
}
)");
  project.source("libs/metrics/include/metrics/push.h", R"(#pragma once
#include <librdkafka/rdkafka.h>
inline void pushMetrics(rd_kafka_t *rk) {
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("metrics.pushed"), RD_KAFKA_V_END);
}
)");
  project.source("services/orders/src/main.cpp", R"(#include "orders/bus.h"
#include "metrics/push.h"
void placeOrder(rd_kafka_t *rk) {
  publishOrder(rk);
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("orders.audited"), RD_KAFKA_V_END);
}
)");
  auto analyse = [&](const std::string &config) {
    writeFile(project.root + "/.flowshape.yaml", config);
    AnalysisRequest request;
    request.root = project.root;
    CompileCommand command;
    command.directory = project.root;
    command.file = project.root + "/services/orders/src/main.cpp";
    command.arguments = {"clang++", "-std=c++17", "-Iservices/orders/include", "-Ilibs/metrics/include", command.file};
    request.commands.push_back(command);
    std::set<std::string> flows;
    for (const FlowReport &flow : analyze(request).flows)
      flows.insert(flow.function);
    return flows;
  };
  EXPECT_EQ(analyse(""), (std::set<std::string>{"placeOrder", "publishOrder", "pushMetrics"}));
  // Searched anywhere in the root-relative path, as clang-tidy's HeaderFilterRegex.
  EXPECT_EQ(analyse("header-filter: 'services/'\n"), (std::set<std::string>{"placeOrder", "publishOrder"}));
  // The translation unit's own file is analysed whatever the filter says.
  EXPECT_EQ(analyse("header-filter: '^libs/'\n"), (std::set<std::string>{"placeOrder", "pushMetrics"}));
}

} // namespace

namespace {

// The examples of docs/config.md are valid configurations.
TEST(Config, DocumentedExamplesParse) {
  std::string doc = readFile(std::string(FLOWSHAPE_SOURCE_DIR) + "/docs/config.md");
  size_t blocks = 0;
  for (size_t at = doc.find("```yaml\n"); at != std::string::npos; at = doc.find("```yaml\n", at + 1)) {
    size_t begin = at + 8, end = doc.find("```", begin);
    std::string yaml = doc.substr(begin, end - begin);
    EXPECT_NO_THROW(parseConfig("/p/.flowshape.yaml", yaml)) << yaml;
    ++blocks;
  }
  EXPECT_GE(blocks, 3u);
}

} // namespace
