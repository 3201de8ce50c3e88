// One warning per root cause: findings that differ only in the flow that
// reaches them are reported once, with the other flows listed.
//
// A helper that sends and then blocks, called by 36 flows, makes 36
// findings: each flow's own, anchored on the flow's call of the helper
// (Finding::loc), with the helper's API call at the end of the chain
// (Finding::apiLoc). They share a root cause when they have the same
//
//   rule, severity and message,
//   API call (apiLoc) inside the same function (the last step of `via`;
//     the flow itself when it makes the call),
//   evidence (kind and location of every note, call chains aside).
//
// So the helper's own finding, when it has one, joins its callers', and
// the API calls two flows make themselves are never one root cause, nor
// the calls of two helpers. A group holds at most one finding per flow:
// a flow that reaches the call from two of its call sites has two findings,
// and the second one starts (or joins) a second group, so that no call site
// of a flow is hidden behind another of the same flow. Suppressed and
// unsuppressed findings, and findings of different baseline states, never
// share a group, so every group is suppressed, new or unchanged as a whole.
// Documented in README.md ("Output formats") and docs/sarif.md.
#pragma once

#include "flowshape/Report.h"

#include <string>
#include <vector>

namespace flowshape {

struct FindingGroup {
  // In the reports' order (findingLess); members.front() is the
  // representative, whose location, evidence and fingerprint the group is
  // reported with.
  std::vector<const Finding *> members;

  const Finding &representative() const { return *members.front(); }
  // Deterministic and stable: the representative's fingerprint.
  const std::string &id() const { return representative().fingerprint; }
  bool suppressed() const { return representative().suppression.has_value(); }
};

// Groups `findings` by root cause; with Grouping::None every finding is a
// group of its own. Groups come in the order of their representatives, in
// the reports' order (findingLess) whatever the order of `findings`.
std::vector<FindingGroup> groupFindings(const std::vector<Finding> &findings, Grouping grouping);

// "a::f, b::g, c::h, d::i, e::j and 30 more": the flows of the members
// after the representative, at most `shown` of them named.
std::string otherFlowsText(const FindingGroup &group, size_t shown = 5);
// "also reached from 35 other flows" (empty for a group of one).
std::string alsoReachedText(const FindingGroup &group);

} // namespace flowshape
