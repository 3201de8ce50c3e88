// --format markdown: a report for a pull-request comment or a CI job
// summary. A summary line, the flows by shape, the findings, what could not
// be analysed, and for each flow with findings a Mermaid sequence diagram in
// the style of the seed article: the flow, the services it calls directly
// and the broker destinations it talks to, with the blocking wait made
// visible. Only plain sequenceDiagram syntax, so GitHub and GitLab both
// render it.
//
// Findings of one root cause are one row and one entry, the first of them,
// with the number of flows that reach it (report/FindingGroups.h).
#include "flowshape/Report.h"
#include "report/FindingGroups.h"
#include "report/MermaidDiagram.h"

#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstring>
#include <map>

namespace flowshape {

namespace {

// A pull-request comment holds at most 65,536 characters on GitHub: long
// tables and diagrams are cut, and the JSON and SARIF reports list the rest.
constexpr size_t kMaxFlowRows = 100;
constexpr size_t kMaxFindingRows = 100;
constexpr size_t kMaxDiagrams = 20;

// Strongest shape first, as the SPEC's precedence.
const Shape kShapeOrder[] = {Shape::MessagingRequestReply, Shape::PublishThenBlock, Shape::Mixed,
                             Shape::RequestDriven, Shape::EventDriven};

size_t shapeRank(Shape shape) {
  for (size_t i = 0; i < std::size(kShapeOrder); ++i)
    if (kShapeOrder[i] == shape)
      return i;
  return std::size(kShapeOrder);
}

// Text in a Markdown paragraph or table cell: nothing is read as markup.
std::string escapeText(const std::string &text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (std::strchr("\\`*_[]<>|~#&", c))
      out += '\\';
    out += c;
  }
  return out;
}

// A code span; "|" stays escaped because table rows are split before spans.
std::string code(const std::string &text) {
  std::string body;
  for (char c : text) {
    if (c == '|')
      body += "\\|";
    else
      body += c == '\n' ? ' ' : c;
  }
  bool backtick = body.find('`') != std::string::npos;
  return backtick ? "`` " + body + " ``" : "`" + body + "`";
}

std::string plural(size_t n, const std::string &word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

class MarkdownWriter {
public:
  MarkdownWriter(const Report &report, llvm::raw_ostream &os)
      : report_(report), os_(os), groups_(groupFindings(report.findings, report.grouping)) {
    for (const FindingGroup &group : groups_) {
      (group.suppressed() ? suppressed_ : active_).push_back(&group);
      (group.suppressed() ? suppressedFindings_ : activeFindings_) += group.members.size();
    }
  }

  void write() {
    os_ << "## flowshape report\n\n";
    summary();
    failures();
    shapes();
    findings();
    diagrams();
    notices();
  }

private:
  std::string where(const Location &loc) const {
    std::string out = report_.relative(loc.file) + ":" + std::to_string(loc.line);
    if (loc.column)
      out += ":" + std::to_string(loc.column);
    return out;
  }

  void summary() {
    std::map<std::string, size_t> bySeverity;
    for (const FindingGroup *group : active_)
      bySeverity[severityName(group->representative().severity)] += group->members.size();
    std::string counts;
    for (const char *severity : {"error", "warning", "note"})
      if (bySeverity[severity])
        counts += (counts.empty() ? "" : ", ") + plural(bySeverity[severity], severity);
    os_ << "**" << plural(activeFindings_, "finding") << "**";
    if (!counts.empty())
      os_ << " (" << counts << ")";
    // Said only when grouping merged findings, so other reports stay as they were.
    if (active_.size() < activeFindings_)
      os_ << " from " << plural(active_.size(), "root cause");
    os_ << " in " << plural(report_.flows.size(), "flow") << " of " << plural(report_.files, "file");
    if (suppressedFindings_)
      os_ << ", " << suppressedFindings_ << " suppressed";
    size_t partial = std::count_if(report_.failures.begin(), report_.failures.end(),
                                   [](const TranslationUnitFailure &f) { return f.partial; });
    size_t failed = report_.failures.size() - partial;
    if (failed)
      os_ << ", " << failed << (failed == 1 ? " file" : " files") << " could not be analysed";
    if (partial)
      os_ << ", " << partial << (partial == 1 ? " file" : " files") << " partially analysed";
    os_ << ".\n\n";
  }

  void failures() {
    failureList(false, "### Not analysed\n\n");
    failureList(true, "### Partially analysed\n\nThese files have errors: only the functions that parsed are "
                      "analysed.\n\n");
  }

  void failureList(bool partial, const char *heading) {
    if (std::none_of(report_.failures.begin(), report_.failures.end(),
                     [&](const TranslationUnitFailure &f) { return f.partial == partial; }))
      return;
    os_ << heading;
    for (const TranslationUnitFailure &failure : report_.failures) {
      if (failure.partial != partial)
        continue;
      os_ << "- " << code(report_.relative(failure.file));
      if (!failure.errors.empty())
        os_ << ": " << escapeText(failure.errors.front());
      if (failure.errors.size() > 1)
        os_ << " (and " << plural(failure.errors.size() - 1, "more error") << ")";
      os_ << "\n";
    }
    os_ << "\n";
  }

  void shapes() {
    if (report_.flows.empty())
      return;
    std::vector<const FlowReport *> flows;
    std::map<Shape, size_t> counts;
    for (const FlowReport &flow : report_.flows) {
      flows.push_back(&flow);
      ++counts[flow.shape];
    }
    std::stable_sort(flows.begin(), flows.end(), [](const FlowReport *a, const FlowReport *b) {
      return shapeRank(a->shape) < shapeRank(b->shape);
    });
    os_ << "### Flows by shape\n\n| shape | flows |\n|---|--:|\n";
    for (Shape shape : kShapeOrder)
      if (counts[shape])
        os_ << "| " << shapeName(shape) << " | " << counts[shape] << " |\n";
    os_ << "\n<details><summary>All " << plural(flows.size(), "flow") << "</summary>\n\n"
        << "| shape | flow | location |\n|---|---|---|\n";
    for (size_t i = 0; i < flows.size() && i < kMaxFlowRows; ++i)
      os_ << "| " << shapeName(flows[i]->shape) << " | " << code(flows[i]->function) << " | "
          << code(where(flows[i]->loc)) << " |\n";
    more(flows.size(), kMaxFlowRows, "flow");
    os_ << "\n</details>\n\n";
  }

  // " (reached from 7 flows: `a`, `b`, ... and 2 more)" for a group of several.
  std::string flowsOf(const FindingGroup &group) {
    if (group.members.size() == 1)
      return {};
    std::string names;
    for (size_t i = 0; i < group.members.size() && i < 5; ++i)
      names += (i ? ", " : "") + code(group.members[i]->function);
    if (group.members.size() > 5)
      names += " and " + std::to_string(group.members.size() - 5) + " more";
    return " (reached from " + plural(group.members.size(), "flow") + ": " + names + ")";
  }

  void findingRow(const FindingGroup &group, bool showJustification) {
    const Finding &f = group.representative();
    std::string severity = severityName(f.severity);
    if (f.baselineState == "unchanged")
      severity += " (in baseline)";
    os_ << "| " << code(f.rule) << " | " << severity << " | " << code(where(f.loc)) << " | " << escapeText(f.message)
        << flowsOf(group);
    if (showJustification)
      os_ << " | " << (f.suppression->justification.empty() ? "" : escapeText(f.suppression->justification));
    os_ << " |\n";
  }

  void findings() {
    os_ << "### Findings\n\n";
    if (active_.empty()) {
      os_ << "No findings.\n\n";
    } else {
      os_ << "| rule | severity | location | message |\n|---|---|---|---|\n";
      for (size_t i = 0; i < active_.size() && i < kMaxFindingRows; ++i)
        findingRow(*active_[i], false);
      more(active_.size(), kMaxFindingRows, "finding");
      os_ << "\n";
    }
    if (suppressed_.empty())
      return;
    os_ << "<details><summary>" << plural(suppressedFindings_, "suppressed finding") << "</summary>\n\n"
        << "| rule | severity | location | message | justification |\n|---|---|---|---|---|\n";
    for (size_t i = 0; i < suppressed_.size() && i < kMaxFindingRows; ++i)
      findingRow(*suppressed_[i], true);
    more(suppressed_.size(), kMaxFindingRows, "suppressed finding");
    os_ << "\n</details>\n\n";
  }

  // One section per flow with findings, in the order of its first finding;
  // a root cause is drawn in the flow of its first finding only.
  void diagrams() {
    std::vector<std::string> order;
    std::map<std::string, std::vector<const Finding *>> byFlow;
    std::map<const Finding *, const FindingGroup *> groupOf;
    for (const FindingGroup *group : active_) {
      const Finding *f = &group->representative();
      groupOf[f] = group;
      if (!byFlow.count(f->function))
        order.push_back(f->function);
      byFlow[f->function].push_back(f);
    }
    std::map<std::string, const FlowReport *> flows;
    for (const FlowReport &flow : report_.flows)
      flows.emplace(flow.function, &flow);
    bool heading = false;
    size_t drawn = 0, drawable = 0;
    for (const std::string &function : order) {
      auto flow = flows.find(function);
      if (function.empty() || flow == flows.end())
        continue;
      if (++drawable > kMaxDiagrams)
        continue;
      ++drawn;
      if (!heading)
        os_ << "### Flows with findings\n\n";
      heading = true;
      os_ << "#### " << code(function) << ": " << shapeName(flow->second->shape) << "\n\n"
          << code(where(flow->second->loc)) << "\n\n";
      for (const Finding *f : byFlow[function]) {
        os_ << "- **" << severityName(f->severity) << "** " << code(f->rule) << " at " << code(where(f->loc)) << ": "
            << escapeText(f->message) << flowsOf(*groupOf[f]) << "\n";
        for (const Evidence &e : f->evidence)
          os_ << "  - " << escapeText(e.message) << " (" << code(where(e.loc)) << ")\n";
      }
      os_ << "\n```mermaid\n" << sequenceDiagram(*flow->second, byFlow[function]) << "```\n\n";
    }
    if (drawable > drawn)
      os_ << "...and " << plural(drawable - drawn, "more flow") << " with findings: the JSON and SARIF reports list "
          << "them all.\n\n";
  }

  // The line under a table that was cut.
  void more(size_t total, size_t shown, const std::string &what) {
    if (total > shown)
      os_ << "\n...and " << plural(total - shown, "more " + what) << ": the JSON and SARIF reports list them all.\n";
  }

  void notices() {
    if (report_.notices.empty())
      return;
    os_ << "### Notices\n\n";
    for (const std::string &notice : report_.notices)
      os_ << "- " << escapeText(notice) << "\n";
    os_ << "\n";
  }

  const Report &report_;
  llvm::raw_ostream &os_;
  std::vector<FindingGroup> groups_;
  std::vector<const FindingGroup *> active_, suppressed_;
  size_t activeFindings_ = 0, suppressedFindings_ = 0; // members of those groups
};

} // namespace

void writeMarkdown(const Report &report, llvm::raw_ostream &os) { MarkdownWriter(report, os).write(); }

} // namespace flowshape
