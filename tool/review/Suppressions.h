// Inline suppressions, as clang-tidy reads them, plus flowshape's own form:
//
//   call();  // NOLINT(flowshape-sync-over-queue): the reason
//   // NOLINTNEXTLINE(flowshape-*) -- the reason
//   // NOLINTBEGIN(flowshape-publish-then-block) ... // NOLINTEND(flowshape-publish-then-block)
//   // flowshape: allow sync-over-queue -- the reason
//
// A bare NOLINT (no list) suppresses every flowshape rule; a list counts only
// through its flowshape- entries (globs allowed). A suppression that
// suppresses nothing is reported (rule unused-suppression), one without a
// reason too when justifications are required (rule unjustified-suppression).
// Documented in README.md and rules/docs/unused-suppression.md.
#pragma once

#include "flowshape/Config.h"
#include "flowshape/Report.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <string>
#include <vector>

namespace flowshape {

struct SuppressionDirective {
  std::string kind;      // nolint, nolintnextline, nolint-block, allow (as Suppression::kind)
  std::string spelling;  // as written, e.g. "NOLINT(flowshape-sync-over-queue)"
  Location loc;          // of the directive's first character
  unsigned firstLine = 0; // lines whose findings it covers
  unsigned lastLine = 0;
  bool all = false;                  // a bare NOLINT: every flowshape rule
  std::vector<std::string> patterns; // "flowshape-<rule>" entries, globs allowed
  std::string justification;
};

struct SuppressionScan {
  std::vector<SuppressionDirective> directives;
  // Directives that cannot work: an unmatched NOLINTBEGIN or NOLINTEND, an
  // allow that names no rule. Reported as unused-suppression findings.
  std::vector<std::pair<Location, std::string>> problems;
};

// Reads the flowshape suppressions of one C or C++ source text (comments
// only: string literals are skipped). `file` is recorded in locations.
SuppressionScan scanSuppressions(const std::string &file, llvm::StringRef text);

// Does `directive` suppress findings of `rule` (a kebab-case id)?
bool suppresses(const SuppressionDirective &directive, const std::string &rule);

struct SuppressionOptions {
  bool requireJustification = false; // --require-justification (a config may also ask)
};

// Marks the findings of `report` that a directive covers, and adds a finding
// for every directive that suppresses nothing (and, when required, for every
// suppression without a reason). `files` are the analysed files whose
// directives are checked for use; the files of findings are read too.
void applySuppressions(Report &report, const std::vector<std::string> &files, ConfigResolver &configs,
                       const SuppressionOptions &options);

} // namespace flowshape
