// --format sarif: SARIF 2.1.0 as GitHub code scanning reads it (docs/sarif.md).
//
// One run. Every registered rule is in tool.driver.rules (plus any other
// rule id a finding carries), with its documentation as help. Each finding
// is a result whose primary location is where it enters its flow, whose
// evidence notes are related locations linked from the message, and whose
// publish -> wait path is a code flow through the wrappers between them.
// URIs are relative to the project root. partialFingerprints carry GitHub's
// own line hash (as codeql-action's upload computes it) and flowshape's
// line-independent fingerprint. Field order is fixed and inputs are sorted:
// the same findings give the same bytes.
//
// Findings of one root cause (report/FindingGroups.h) are one result: the
// first finding's, with the other flows' entry points as related locations
// and every member's fingerprint in properties, which baselines read.
#include "flowshape/Report.h"
#include "flowshape/Rule.h"
#include "report/FindingGroups.h"
#include "report/RuleHelp.h"
#include "report/SourceText.h"
#include "support/JsonText.h"

#include <nlohmann/json.hpp>

#include "llvm/Support/raw_ostream.h"

#include <map>
#include <set>

namespace flowshape {

using nlohmann::ordered_json;

namespace {

const char *const kSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
// The base id of every relative URI: the project root. GitHub reads the
// URIs as relative to the repository root and ignores base ids.
const char *const kSourceRoot = "%SRCROOT%";
// Related locations naming the other flows of a group: viewers list them
// all, so a helper called from thousands of flows is cut (the properties
// still hold every member).
constexpr size_t kMaxOtherFlows = 100;

bool isFlowStart(const Evidence &e) { return e.kind == "publish" || e.kind == "broker-request"; }
bool isBlockingStep(const Evidence &e) {
  return e.kind == "wait" || e.kind == "receive-on-reply" || e.kind == "correlation-check" ||
         e.kind == "receive-after-publish";
}

// Literal brackets (and the escape character) are escaped in SARIF message
// text, where "[text](id)" is a link to a related location.
std::string escapeMessage(const std::string &text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == '[' || c == ']')
      out += '\\';
    out += c;
  }
  return out;
}

// A path as a URI reference: unreserved characters and "/" stay, every
// other byte is percent-encoded.
std::string encodePath(const std::string &path) {
  static const char *const hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

const char *problemSeverity(Severity severity) {
  switch (severity) {
  case Severity::Error: return "error";
  case Severity::Warning: return "warning";
  case Severity::Note: return "recommendation";
  }
  return "warning";
}

const char *suppressionKind(const std::string &kind) {
  // Comments in the code (NOLINT, NOLINTNEXTLINE, NOLINTBEGIN/END, "flowshape: allow").
  static const std::set<std::string> inSource = {"nolint", "nolintnextline", "nolint-block", "allow"};
  return inSource.count(kind) ? "inSource" : "external";
}

class SarifWriter {
public:
  explicit SarifWriter(const Report &report) : report_(report) {}

  ordered_json log() {
    ordered_json results = ordered_json::array();
    ordered_json rules = rulesFor(report_.findings);
    for (const FindingGroup &group : groupFindings(report_.findings, report_.grouping))
      results.push_back(result(group));

    ordered_json driver;
    driver["name"] = "flowshape";
    driver["version"] = FLOWSHAPE_VERSION;
    driver["semanticVersion"] = FLOWSHAPE_VERSION;
    driver["informationUri"] = FLOWSHAPE_HOMEPAGE_URL;
    driver["rules"] = std::move(rules);

    ordered_json run;
    run["tool"] = {{"driver", std::move(driver)}};
    run["invocations"] = ordered_json::array({invocation()});
    run["columnKind"] = "utf16CodeUnits";
    run["results"] = std::move(results);

    ordered_json root;
    root["$schema"] = kSchema;
    root["version"] = "2.1.0";
    root["runs"] = ordered_json::array({std::move(run)});
    return root;
  }

private:
  // Registered rules in id order, then other ids the findings carry.
  ordered_json rulesFor(const std::vector<Finding> &findings) {
    std::vector<RuleHelp> helps;
    for (const auto &rule : allRules())
      helps.push_back(ruleHelp(rule->id(), rule->defaultSeverity()));
    std::map<std::string, Severity> others;
    for (const Finding &f : findings)
      if (!findRule(f.rule))
        others.emplace(f.rule, f.severity);
    for (const auto &[id, severity] : others)
      helps.push_back(ruleHelp(id, severity));

    ordered_json out = ordered_json::array();
    for (const RuleHelp &help : helps) {
      ruleIndex_[help.id] = out.size();
      ordered_json properties;
      if (!help.tags.empty())
        properties["tags"] = help.tags;
      properties["precision"] = help.precision;
      properties["problem.severity"] = problemSeverity(help.level);
      out.push_back({{"id", help.id},
                     {"name", help.name},
                     {"shortDescription", {{"text", help.shortDescription}}},
                     {"fullDescription", {{"text", help.fullDescription}}},
                     {"defaultConfiguration", {{"level", severityName(help.level)}}},
                     {"help", {{"text", help.text}, {"markdown", help.markdown}}},
                     {"properties", std::move(properties)}});
    }
    return out;
  }

  ordered_json invocation() {
    ordered_json notifications = ordered_json::array();
    for (const TranslationUnitFailure &failure : report_.failures) {
      std::string text = failureHeadline(failure);
      for (size_t i = 0; i < failure.errors.size(); ++i)
        text += (i == 0 ? ": " : "; ") + failure.errors[i];
      ordered_json where;
      where["physicalLocation"]["artifactLocation"] = artifact(failure.file);
      ordered_json notification;
      notification["level"] = "error";
      notification["message"]["text"] = text;
      notification["locations"] = ordered_json::array({std::move(where)});
      notification["descriptor"]["id"] =
          failure.partial ? "translation-unit-partially-analysed" : "translation-unit-not-analysed";
      notifications.push_back(std::move(notification));
    }
    for (const std::string &notice : report_.notices)
      notifications.push_back({{"level", "note"}, {"message", {{"text", notice}}}});
    ordered_json out;
    out["executionSuccessful"] = report_.failures.empty();
    if (!notifications.empty())
      out["toolExecutionNotifications"] = std::move(notifications);
    return out;
  }

  ordered_json artifact(const std::string &file) {
    std::string relative = report_.relative(file);
    if (!relative.empty() && relative.front() != '/')
      return {{"uri", encodePath(relative)}, {"uriBaseId", kSourceRoot}};
    return {{"uri", "file://" + encodePath(relative)}};
  }

  ordered_json region(const Location &loc, bool wholeRegion) {
    ordered_json out;
    out["startLine"] = loc.line;
    if (loc.column)
      out["startColumn"] = sources_.utf16Column(loc.file, loc.line, loc.column);
    if (!wholeRegion || !loc.column)
      return out;
    unsigned endLine = loc.endLine, endColumn = loc.endColumn;
    if (!endLine || !endColumn) {
      // No extent known: to the end of the line.
      endLine = loc.line;
      endColumn = static_cast<unsigned>(sources_.line(loc.file, loc.line).size()) + 1;
      if (endColumn <= loc.column)
        endColumn = loc.column + 1;
    }
    out["endLine"] = endLine;
    out["endColumn"] = sources_.utf16Column(loc.file, endLine, endColumn);
    return out;
  }

  ordered_json location(const Location &loc, const std::string &message, int id = 0) {
    ordered_json out;
    if (id)
      out["id"] = id;
    out["physicalLocation"]["artifactLocation"] = artifact(loc.file);
    if (loc.valid()) // a line is known
      out["physicalLocation"]["region"] = region(loc, loc.endLine != 0);
    if (!message.empty())
      out["message"] = {{"text", message}};
    return out;
  }

  // The path of one step: the calls from the flow down to the API call.
  void addStep(ordered_json &steps, const Evidence &e) {
    for (size_t i = 0; i < e.via.size(); ++i)
      if (e.via[i].loc.valid())
        steps.push_back({{"location", location(e.via[i].loc, "calls " + e.via[i].function)},
                         {"kinds", ordered_json::array({"call"})},
                         {"nestingLevel", i}});
    steps.push_back({{"location", location(e.loc, e.message)}, {"nestingLevel", e.via.size()}});
  }

  // publish (or broker request) -> wait, through the functions between.
  ordered_json codeFlows(const Finding &f) {
    ordered_json steps = ordered_json::array();
    auto start = std::find_if(f.evidence.begin(), f.evidence.end(), isFlowStart);
    auto block = std::find_if(f.evidence.begin(), f.evidence.end(), isBlockingStep);
    if (start != f.evidence.end())
      addStep(steps, *start);
    if (block != f.evidence.end())
      addStep(steps, *block);
    if (steps.size() < 2)
      return nullptr;
    ordered_json threadFlow, codeFlow;
    threadFlow["locations"] = std::move(steps);
    codeFlow["threadFlows"] = ordered_json::array({std::move(threadFlow)});
    return ordered_json::array({std::move(codeFlow)});
  }

  ordered_json suppression(const Suppression &s) {
    ordered_json out = {{"kind", suppressionKind(s.kind)}, {"status", "accepted"}};
    if (!s.justification.empty())
      out["justification"] = s.justification;
    if (s.loc.valid())
      out["location"] = location(s.loc, "");
    return out;
  }

  ordered_json result(const FindingGroup &group) {
    const Finding &f = group.representative();
    ordered_json related = ordered_json::array();
    std::string links;
    for (size_t i = 0; i < f.evidence.size(); ++i) {
      const Evidence &e = f.evidence[i];
      std::string note = e.message;
      if (!e.via.empty())
        note += " (through " + report_.viaText(e.via) + ")";
      int id = static_cast<int>(i + 1);
      related.push_back(location(e.loc, note, id));
      std::string label = e.kind;
      std::replace(label.begin(), label.end(), '-', ' ');
      links += (links.empty() ? "" : ", ") + ("[" + escapeMessage(label) + "](" + std::to_string(id) + ")");
    }
    std::string message = escapeMessage(f.message);
    if (!links.empty())
      message += " (evidence: " + links + ")";
    // The other flows, where each enters the root cause: the call it makes.
    size_t others = group.members.size() - 1;
    for (size_t i = 1; i <= others && i <= kMaxOtherFlows; ++i) {
      const Finding &member = *group.members[i];
      ordered_json where = location(member.loc, "also reached from flow " + member.function,
                                    static_cast<int>(f.evidence.size() + i));
      where["logicalLocations"] =
          ordered_json::array({ordered_json{{"fullyQualifiedName", member.function}, {"kind", "function"}}});
      related.push_back(std::move(where));
    }
    if (others) // linked to the first of them
      message += " (also reached from [" + std::to_string(others) + (others == 1 ? " other flow" : " other flows") +
                 "](" + std::to_string(f.evidence.size() + 1) + "))";

    ordered_json primary;
    primary["physicalLocation"]["artifactLocation"] = artifact(f.loc.file);
    if (f.loc.valid())
      primary["physicalLocation"]["region"] = region(f.loc, true);
    if (!f.function.empty())
      primary["logicalLocations"] =
          ordered_json::array({ordered_json{{"fullyQualifiedName", f.function}, {"kind", "function"}}});

    ordered_json out;
    out["ruleId"] = f.rule;
    out["ruleIndex"] = ruleIndex_.at(f.rule);
    out["level"] = severityName(f.severity);
    out["message"] = {{"text", message}};
    out["locations"] = ordered_json::array({std::move(primary)});
    if (!related.empty())
      out["relatedLocations"] = std::move(related);
    ordered_json flows = codeFlows(f);
    if (!flows.is_null())
      out["codeFlows"] = std::move(flows);
    // The representative's: a result of one finding is what it was before
    // grouping, and the line hash, the location and the fingerprint name
    // the same finding. Baselines match the members (properties).
    ordered_json fingerprints = ordered_json::object();
    std::string lineHash = sources_.lineHash(f.loc.file, f.loc.line);
    if (!lineHash.empty())
      fingerprints["primaryLocationLineHash"] = lineHash;
    if (!f.fingerprint.empty())
      fingerprints["flowshapeFingerprint/v1"] = f.fingerprint;
    if (!fingerprints.empty())
      out["partialFingerprints"] = std::move(fingerprints);
    if (group.suppressed()) { // every member is (FindingGroups.h): each member's suppression, once
      ordered_json suppressions = ordered_json::array();
      std::set<std::string> seen;
      for (const Finding *member : group.members) {
        ordered_json one = suppression(*member->suppression);
        if (seen.insert(jsonText(one)).second) // jsonText: reasons need not be UTF-8
          suppressions.push_back(std::move(one));
      }
      out["suppressions"] = std::move(suppressions);
    }
    if (!f.baselineState.empty())
      out["baselineState"] = f.baselineState;
    if (others)
      out["properties"] = memberProperties(group);
    return out;
  }

  // Every member, uncut: what baselines match (review/Baseline.cpp) and
  // what a script needs to list every flow.
  ordered_json memberProperties(const FindingGroup &group) {
    ordered_json fingerprints = ordered_json::array(), locations = ordered_json::array();
    for (const Finding *member : group.members) {
      fingerprints.push_back(member->fingerprint);
      ordered_json where = artifact(member->loc.file);
      where["startLine"] = member->loc.line;
      where["function"] = member->function;
      locations.push_back(std::move(where));
    }
    ordered_json out;
    out["flowshape/memberFingerprints"] = std::move(fingerprints);
    out["flowshape/memberLocations"] = std::move(locations);
    if (group.members.size() - 1 > kMaxOtherFlows)
      out["flowshape/otherFlowsNotInRelatedLocations"] = group.members.size() - 1 - kMaxOtherFlows;
    return out;
  }

  const Report &report_;
  SourceText sources_;
  std::map<std::string, size_t> ruleIndex_;
};

} // namespace

void writeSarif(const Report &report, llvm::raw_ostream &os) { os << jsonText(SarifWriter(report).log(), 2) << "\n"; }

} // namespace flowshape
