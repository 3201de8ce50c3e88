// Phrasing shared by rules: how a publish or a wait is named in messages.
#pragma once

#include "flowshape/FlowAnalysis.h"
#include "flowshape/Finding.h"

#include <algorithm>

#include <string>

namespace flowshape {

inline std::string destinationPhrase(const FlowNode &node, const char *preposition = "to") {
  return node.destination.empty() ? std::string() : std::string(" ") + preposition + " '" + node.destination + "'";
}

// "'approval.request'" or "a message" for messages.
inline std::string publishedThing(const FlowNode &publish) {
  return publish.destination.empty() ? std::string("a message") : "'" + publish.destination + "'";
}

// A finding whose publish's role hangs on a fact set at run time (a ZeroMQ
// socket created with a type from configuration): it says so, as a note.
inline void markUndecided(Finding &f, const FlowNode &publish) {
  if (publish.undecidedFact.empty())
    return;
  std::string fact = publish.undecidedFact;
  std::replace(fact.begin(), fact.end(), '-', ' ');
  f.severity = Severity::Note;
  f.message += "; the " + fact + " is unknown (chosen at run time), so this holds only if it makes the send a request";
}

// Evidence for a publish, a wait and the reasons, in the order notes print.
inline std::vector<Evidence> waitEvidence(const FlowGraph &graph, const WaitAfterPublish &wait) {
  std::vector<Evidence> out;
  for (uint32_t p : wait.publishes) {
    const FlowNode &publish = graph.nodes[p];
    out.push_back(evidenceFor(publish, "publish", describeNode(publish)));
  }
  const FlowNode &w = graph.nodes[wait.wait];
  bool waitListed = false;
  for (const Evidence &reason : wait.reasons) {
    Evidence e = reason;
    if (e.kind != "reply-marker" && e.kind != "completed-by")
      waitListed = waitListed || (e.loc == w.event().loc);
    if (wait.verdict == WaitVerdict::Reply)
      e.message += " (" + e.strength + " evidence)";
    out.push_back(std::move(e));
  }
  if (!waitListed)
    out.push_back(evidenceFor(w, "wait", "blocks here: " + describeNode(w)));
  return out;
}

} // namespace flowshape
