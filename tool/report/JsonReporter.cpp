// --format json: the versioned report of the SPEC. Field order is fixed and
// every list is sorted, so the bytes are the same for the same findings.
// Every finding is listed, grouped or not: "group" names its root cause
// (report/FindingGroups.h) whatever --group says, for machines to regroup.
#include "flowshape/Report.h"
#include "report/FindingGroups.h"
#include "support/JsonText.h"

#include <nlohmann/json.hpp>

#include "llvm/Support/raw_ostream.h"

namespace flowshape {

using nlohmann::ordered_json;

namespace {

ordered_json viaJson(const Report &report, const std::vector<ViaStep> &via) {
  ordered_json out = ordered_json::array();
  for (const ViaStep &step : via)
    out.push_back(step.function);
  return out;
}

ordered_json callChainJson(const Report &report, const std::vector<ViaStep> &via) {
  ordered_json out = ordered_json::array();
  for (const ViaStep &step : via)
    out.push_back({{"function", step.function}, {"file", report.relative(step.loc.file)}, {"line", step.loc.line}});
  return out;
}

} // namespace

void writeJson(const Report &report, llvm::raw_ostream &os) {
  ordered_json root = ordered_json::object();
  // An ordered object is a vector of (const key, value) pairs, which it
  // copies when it grows: without room for every key, adding "failures"
  // would copy all findings and flows.
  root.get_ref<ordered_json::object_t &>().reserve(8);
  root["version"] = 1;
  root["tool"] = {{"name", "flowshape"}, {"version", FLOWSHAPE_VERSION}};

  std::map<const Finding *, std::string> groupOf;
  for (const FindingGroup &group : groupFindings(report.findings, Grouping::RootCause))
    for (const Finding *member : group.members)
      groupOf[member] = group.id();

  ordered_json findings = ordered_json::array();
  std::map<std::string, size_t> byRule;
  for (const Finding &f : report.findings) {
    ordered_json evidence = ordered_json::array();
    for (const Evidence &e : f.evidence) {
      ordered_json item = {{"role", e.role}, {"kind", e.kind}, {"file", report.relative(e.loc.file)},
                           {"line", e.loc.line}, {"column", e.loc.column}, {"api", e.api}, {"message", e.message}};
      item["via"] = viaJson(report, e.via);
      evidence.push_back(std::move(item));
    }
    ordered_json item = {{"rule", f.rule},
                         {"severity", severityName(f.severity)},
                         {"file", report.relative(f.loc.file)},
                         {"line", f.loc.line},
                         {"column", f.loc.column},
                         {"endLine", f.loc.endLine},
                         {"endColumn", f.loc.endColumn},
                         {"function", f.function},
                         {"message", f.message},
                         {"evidence", std::move(evidence)},
                         {"via", viaJson(report, f.via)},
                         {"callChain", callChainJson(report, f.via)},
                         {"fingerprint", f.fingerprint},
                         {"group", groupOf[&f]}};
    if (f.suppression)
      item["suppression"] = {{"kind", f.suppression->kind}, {"justification", f.suppression->justification}};
    if (!f.baselineState.empty())
      item["baselineState"] = f.baselineState;
    findings.push_back(std::move(item));
    if (!f.suppression)
      ++byRule[f.rule];
  }
  root["findings"] = std::move(findings);

  ordered_json flows = ordered_json::array();
  std::map<std::string, size_t> byShape;
  for (const char *shape : {"request-driven", "event-driven", "mixed", "messaging-request-reply", "publish-then-block"})
    byShape[shape] = 0;
  for (const FlowReport &flow : report.flows) {
    ordered_json interactions = ordered_json::array();
    for (const FlowInteraction &i : flow.interactions) {
      ordered_json item = {{"role", i.role}, {"line", i.loc.line}, {"api", i.api}, {"via", viaJson(report, i.via)}};
      if (i.loc.file != flow.loc.file)
        item["file"] = report.relative(i.loc.file);
      if (!i.destination.empty())
        item["destination"] = i.destination;
      interactions.push_back(std::move(item));
    }
    ordered_json item = {{"function", flow.function},
                         {"file", report.relative(flow.loc.file)},
                         {"line", flow.loc.line},
                         {"shape", shapeName(flow.shape)},
                         {"interactions", std::move(interactions)}};
    if (!flow.partialUnit.empty()) // the unit's errors are in its entry of "failures"
      item["partial"] = {{"unit", report.relative(flow.partialUnit)}, {"bodyErrors", flow.bodyErrors}};
    if (flow.truncated)
      item["truncated"] = true;
    if (flow.approximated)
      item["approximated"] = true;
    flows.push_back(std::move(item));
    ++byShape[shapeName(flow.shape)];
  }
  root["flows"] = std::move(flows);

  ordered_json failures = ordered_json::array();
  for (const auto &failure : report.failures)
    failures.push_back({{"file", report.relative(failure.file)}, {"errors", failure.errors}, {"partial", failure.partial}});
  root["failures"] = std::move(failures);

  ordered_json shapes(byShape), findingCounts(byRule);
  root["summary"] = {{"files", report.files},
                     {"flows", report.flows.size()},
                     {"shapes", shapes},
                     {"findings", findingCounts},
                     {"failed", report.failures.size()}};
  os << jsonText(root, 2) << "\n";
}

} // namespace flowshape
