// What a report says about a rule, from the rule itself and its
// documentation (rules/docs/<id>.md). Rule ids that are not registered rules
// (diagnostics of flowshape itself, such as unused-suppression) get the same
// from their documentation when it exists.
#pragma once

#include "flowshape/Severity.h"

#include <string>
#include <vector>

namespace flowshape {

struct RuleHelp {
  std::string id;
  std::string name;             // CamelCase, e.g. "SyncOverQueue"
  std::string shortDescription; // one sentence
  std::string fullDescription;  // the summary and why it matters, at most 1024 characters
  std::string markdown;         // the whole documentation page
  std::string text;             // the same as plain text
  Severity level = Severity::Warning;
  std::vector<std::string> tags;
  std::string precision; // very-high, high, medium, low
};

// `fallbackLevel` is used for ids that are not registered rules.
RuleHelp ruleHelp(const std::string &id, Severity fallbackLevel);

// Markdown as plain text: no heading marks, emphasis or fences (code is
// indented instead), links as "text (url)".
std::string markdownToText(const std::string &markdown);

} // namespace flowshape
