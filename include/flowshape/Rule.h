// The rule interface, as clang-tidy's checks: a small class per rule, one
// file each under rules/, registered in rules/Registry.cpp, documented in
// rules/docs/<id>.md. Rules see the linked program and flow analyses,
// never the AST.
#pragma once

#include "flowshape/Config.h"
#include "flowshape/Finding.h"

#include <memory>
#include <string>
#include <vector>

namespace flowshape {

struct RuleContext {
  const Program &program;
  const FlowAnalysis &flow;
  const Config &config; // the configuration that applies to the flow's file
};

class Rule {
public:
  virtual ~Rule() = default;
  virtual const char *id() const = 0;      // kebab-case, stable
  virtual const char *title() const = 0;   // a few words, for SARIF rule names
  virtual const char *summary() const = 0; // one sentence
  virtual Severity defaultSeverity() const = 0;
  virtual const char *precision() const { return "high"; } // SARIF precision
  virtual std::vector<std::string> tags() const { return {"architecture", "messaging"}; }

  virtual void check(const RuleContext &context, std::vector<Finding> &out) const = 0;

protected:
  // A finding of this rule at the flow's node `node`, at the place where it
  // enters the flow (the call site, for interactions inside callees).
  Finding findingAt(const RuleContext &context, const FlowNode &node, std::string message) const;
};

// Every rule, in id order.
const std::vector<std::unique_ptr<Rule>> &allRules();
const Rule *findRule(const std::string &id);
// The rule's documentation (rules/docs/<id>.md), embedded at build time.
std::string ruleDocumentation(const std::string &id);

} // namespace flowshape
