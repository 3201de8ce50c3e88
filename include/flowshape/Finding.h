// A finding: a rule's verdict on one place of one flow, with its evidence.
#pragma once

#include "flowshape/FlowAnalysis.h"
#include "flowshape/Severity.h"

#include <optional>
#include <string>
#include <vector>

namespace flowshape {

struct Suppression {
  std::string kind;          // nolint, nolintnextline, nolint-block, allow
  std::string justification; // the reason given, if any
  Location loc;
};

struct Finding {
  std::string rule; // kebab-case id, e.g. "sync-over-queue"
  Severity severity = Severity::Warning;
  Location loc;         // where it enters its flow: the API call, or the flow's call of the function reaching it
  // The API call itself, at the end of `via` (loc when the flow makes it
  // directly; unset for findings on no interaction, such as suppression
  // comments). Flows reaching one call through a helper share it: the
  // root cause reports group by (tool/report/FindingGroups.h).
  Location apiLoc;
  std::string function; // the flow it belongs to
  std::string message;  // lowercase, no final period
  std::vector<Evidence> evidence;
  std::vector<ViaStep> via; // call chain from the flow to the primary interaction
  // Stable across unrelated edits: rule, function and the normalised text of
  // the evidence statements, not line numbers.
  std::string fingerprint;
  std::optional<Suppression> suppression;
  std::string baselineState; // new, unchanged (when a baseline is given)
};

// Deterministic order: file, line, column, rule, message.
bool findingLess(const Finding &a, const Finding &b);

} // namespace flowshape
