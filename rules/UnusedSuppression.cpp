// unused-suppression: a NOLINT or "flowshape: allow" comment that suppresses
// no finding. Not a per-flow rule: suppression comments are matched to the
// findings of the whole run in tool/review/Suppressions.cpp, which reports
// this rule. It is registered so that configuration, --list-rules, --explain
// and the reports' rule lists know it.
#include "flowshape/Rule.h"

namespace flowshape {
namespace {

class UnusedSuppression : public Rule {
public:
  const char *id() const override { return "unused-suppression"; }
  const char *title() const override { return "UnusedSuppression"; }
  const char *summary() const override {
    return "A suppression comment that suppresses no finding: stale after a fix, on the wrong line, or naming the "
           "wrong rule.";
  }
  Severity defaultSeverity() const override { return Severity::Note; }
  std::vector<std::string> tags() const override { return {"maintainability", "suppression"}; }

  void check(const RuleContext &, std::vector<Finding> &) const override {}
};

} // namespace

std::unique_ptr<Rule> makeUnusedSuppression() { return std::make_unique<UnusedSuppression>(); }

} // namespace flowshape
