// unjustified-suppression: with --require-justification (or
// `require-justification: true`), a suppression comment that gives no reason.
// Not a per-flow rule: reported by tool/review/Suppressions.cpp; registered so
// that configuration, --list-rules, --explain and the reports know it.
#include "flowshape/Rule.h"

namespace flowshape {
namespace {

class UnjustifiedSuppression : public Rule {
public:
  const char *id() const override { return "unjustified-suppression"; }
  const char *title() const override { return "UnjustifiedSuppression"; }
  const char *summary() const override {
    return "A suppression comment without a reason, when reasons are required (--require-justification).";
  }
  Severity defaultSeverity() const override { return Severity::Error; }
  std::vector<std::string> tags() const override { return {"maintainability", "suppression"}; }

  void check(const RuleContext &, std::vector<Finding> &) const override {}
};

} // namespace

std::unique_ptr<Rule> makeUnjustifiedSuppression() { return std::make_unique<UnjustifiedSuppression>(); }

} // namespace flowshape
