#include "report/FindingGroups.h"

#include <algorithm>
#include <map>
#include <set>

namespace flowshape {

namespace {

void append(std::string &key, const std::string &part) {
  key += part;
  key += '\x1f'; // never in a name, a path or a message
}

void append(std::string &key, const Location &loc) {
  append(key, loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column));
}

// What the findings of one root cause share (FindingGroups.h). Empty: the
// finding is a root cause of its own.
std::string rootCauseKey(const Finding &f) {
  if (f.function.empty() || !f.apiLoc.valid())
    return {};
  std::string key;
  append(key, f.rule);
  append(key, severityName(f.severity));
  append(key, f.message);
  append(key, f.via.empty() ? f.function : f.via.back().function); // the function that makes the API call
  append(key, f.apiLoc);
  for (const Evidence &e : f.evidence) {
    append(key, e.kind);
    append(key, e.loc);
  }
  // A group is suppressed, new or unchanged as a whole.
  append(key, f.suppression ? "suppressed" : "reported");
  append(key, f.baselineState);
  return key;
}

} // namespace

std::vector<FindingGroup> groupFindings(const std::vector<Finding> &findings, Grouping grouping) {
  std::vector<FindingGroup> groups;
  std::vector<std::set<std::string>> flows;          // per group: the flows of its members
  std::map<std::string, std::vector<size_t>> byKey; // root cause -> its groups, oldest first
  // The reports' order, whatever order the findings come in.
  std::vector<const Finding *> ordered;
  for (const Finding &f : findings)
    ordered.push_back(&f);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const Finding *a, const Finding *b) { return findingLess(*a, *b); });
  for (const Finding *member : ordered) {
    const Finding &f = *member;
    std::string key = grouping == Grouping::RootCause ? rootCauseKey(f) : std::string();
    size_t target = groups.size();
    if (!key.empty()) {
      std::vector<size_t> &candidates = byKey[key];
      // The first group this flow is not in yet: a flow's second call site
      // goes to the root cause's second group.
      for (size_t g : candidates)
        if (!flows[g].count(f.function)) {
          target = g;
          break;
        }
      if (target == groups.size())
        candidates.push_back(target);
    }
    if (target == groups.size()) {
      groups.emplace_back();
      flows.emplace_back();
    }
    groups[target].members.push_back(&f);
    flows[target].insert(f.function);
  }
  return groups;
}

std::string otherFlowsText(const FindingGroup &group, size_t shown) {
  std::string out;
  size_t others = group.members.size() - 1;
  for (size_t i = 1; i < group.members.size() && i <= shown; ++i)
    out += (i == 1 ? "" : ", ") + group.members[i]->function;
  if (others > shown)
    out += " and " + std::to_string(others - shown) + " more";
  return out;
}

std::string alsoReachedText(const FindingGroup &group) {
  size_t others = group.members.size() - 1;
  if (others == 0)
    return {};
  return "also reached from " + std::to_string(others) + (others == 1 ? " other flow" : " other flows");
}

} // namespace flowshape
