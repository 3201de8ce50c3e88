// Shared pieces of the rule interface: the registry lookups, severities,
// finding order, and where a finding lands in its flow.
#include "flowshape/Embedded.h"
#include "flowshape/Finding.h"
#include "flowshape/Rule.h"

#include <tuple>

namespace flowshape {

const char *severityName(Severity severity) {
  switch (severity) {
  case Severity::Note: return "note";
  case Severity::Warning: return "warning";
  case Severity::Error: return "error";
  }
  return "?";
}

std::optional<Severity> parseSeverity(const std::string &name) {
  if (name == "note")
    return Severity::Note;
  if (name == "warning")
    return Severity::Warning;
  if (name == "error")
    return Severity::Error;
  return std::nullopt;
}

bool findingLess(const Finding &a, const Finding &b) {
  return std::tie(a.loc.file, a.loc.line, a.loc.column, a.rule, a.function, a.message) <
         std::tie(b.loc.file, b.loc.line, b.loc.column, b.rule, b.function, b.message);
}

Finding Rule::findingAt(const RuleContext &context, const FlowNode &node, std::string message) const {
  Finding f;
  f.rule = id();
  f.severity = defaultSeverity();
  f.loc = node.topEvent().loc;
  f.apiLoc = node.event().loc;
  f.function = context.flow.function->name;
  f.message = std::move(message);
  f.via = node.via();
  return f;
}

const Rule *findRule(const std::string &id) {
  for (const auto &rule : allRules())
    if (id == rule->id())
      return rule.get();
  return nullptr;
}

std::string ruleDocumentation(const std::string &id) {
  for (const auto &doc : embeddedRuleDocs())
    if (doc.name == id + ".md")
      return std::string(doc.content);
  return {};
}

} // namespace flowshape
