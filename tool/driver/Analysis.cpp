#include "driver/Analysis.h"

#include "driver/DebugDump.h"
#include "flowshape/Hash.h"
#include "flowshape/Program.h"
#include "flowshape/Rule.h"
#include "flowshape/Shape.h"
#include "review/Suppressions.h"

#include "llvm/Support/BuryPointer.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <cstdlib>
#include <iterator>
#include <optional>
#include <new>
#include <map>
#include <set>
#include <tuple>

namespace flowshape {

namespace {

// Line-independent identity of a finding: what it is about, not where. A
// finding outside any flow (a suppression comment) is known by its file.
void assignFingerprints(std::vector<Finding> &findings, const Report &report) {
  std::map<std::string, int> occurrences;
  for (Finding &f : findings) {
    std::string owner = f.function.empty() ? report.relative(f.loc.file) : f.function;
    std::string basis = f.rule + "\n" + owner + "\n" + f.message;
    for (const Evidence &e : f.evidence)
      basis += "\n" + e.kind + ":" + e.text;
    std::string base = sha256Hex(basis).substr(0, 16);
    int n = occurrences[base]++;
    f.fingerprint = base + ":" + std::to_string(n + 1);
  }
}

std::vector<FlowInteraction> interactionsOf(const FlowGraph &graph) {
  std::vector<FlowInteraction> out;
  std::set<std::tuple<std::string, Location, std::string, std::string>> seen;
  for (const FlowNode &node : graph.nodes) {
    if (!isReportedRole(node.role) || (node.replyOfAnswered && !node.direct()))
      continue;
    FlowInteraction i;
    // A callee that publishes and awaits the reply is a broker request.
    i.role = node.answered && !node.direct() ? "broker-request" : roleName(node.role);
    i.loc = node.topEvent().loc;
    i.apiLoc = node.event().loc;
    i.api = node.event().api;
    i.destination = node.destination;
    i.via = node.via();
    std::string chain;
    for (const ViaStep &step : i.via)
      chain += step.function + ";";
    if (!seen.insert({i.role, i.loc, i.api, chain}).second)
      continue;
    out.push_back(std::move(i));
  }
  std::stable_sort(out.begin(), out.end(), [](const FlowInteraction &a, const FlowInteraction &b) {
    return std::tie(a.loc, a.apiLoc) < std::tie(b.loc, b.apiLoc);
  });
  return out;
}

} // namespace

std::string findProjectRoot(const std::string &start, const std::string &fallback) {
  llvm::SmallString<256> dir(start);
  while (!dir.empty()) {
    for (const char *marker : {".git", ".flowshape.yaml"}) {
      llvm::SmallString<256> candidate(dir);
      llvm::sys::path::append(candidate, marker);
      if (llvm::sys::fs::exists(candidate))
        return std::string(dir.str());
    }
    llvm::StringRef parent = llvm::sys::path::parent_path(dir);
    if (parent == dir)
      break;
    dir = parent;
  }
  return fallback;
}

Report analyze(const AnalysisRequest &request, AnalysisStats *stats) {
  return reportUnits(extractUnits(request, stats), request.configFile, request.requireJustification);
}

Report reportUnits(ExtractedUnits extracted, const std::string &configFile, bool requireJustification,
                   bool freeProgram) {
  Report report;
  report.root = extracted.root;
  report.files = extracted.files;
  report.failures = std::move(extracted.failures);
  std::sort(report.failures.begin(), report.failures.end(),
            [](const auto &a, const auto &b) { return a.file < b.file; });
  ConfigResolver configs(configFile);
  std::vector<TranslationUnitSummary> units = std::move(extracted.units);
  // Suppression comments of every analysed file: the translation units and
  // the files that hold the program's functions (headers included).
  std::set<std::string> analysedFiles;
  for (const TranslationUnitSummary &unit : units)
    analysedFiles.insert(unit.mainFile);

  auto owned = std::make_unique<Program>(std::move(units));
  Program &program = *owned;
  static const bool debug = std::getenv("FLOWSHAPE_DEBUG") != nullptr;
  // Fault injection for the tests: this flow runs out of memory (at its end).
  static const char *injectOutOfMemory = std::getenv("FLOWSHAPE_TEST_LINK_OOM");
  // Flows the link ran out of memory on (--link-memory), by file: each is
  // reported as not analysed, and the others still are.
  std::map<std::string, std::vector<std::string>> outOfMemory;
  // What each flow found, by its place in functions(): flows are analysed
  // callees first, so that a graph is freed once its last caller has used
  // it, and reported in the program's order.
  struct FlowResults {
    std::optional<FlowReport> flow;
    std::vector<Finding> findings;
    bool outOfMemory = false;
  };
  const std::vector<const FunctionSummary *> &functions = program.functions();
  std::vector<FlowResults> results(functions.size());
  std::vector<bool> analysed(functions.size(), false);
  std::vector<size_t> callersLeft(functions.size(), 0);
  for (size_t i = 0; i < functions.size(); ++i)
    for (size_t callee : program.calleesOf(i))
      ++callersLeft[callee];
  auto release = [&](size_t i) {
    if (analysed[i] && callersLeft[i] == 0)
      program.releaseGraph(*functions[i]);
  };
  std::pair<std::string, size_t> largest; // flow, nodes: the first in bottom-up order among equals
  for (size_t index : program.bottomUpOrder()) {
    const FunctionSummary *fn = functions[index];
    FlowResults &out = results[index];
    try {
      FlowAnalysis flow = analyzeFlow(program, *fn);
      if (flow.graph->nodes.size() > largest.second)
        largest = {fn->name, flow.graph->nodes.size()};
      if (debug)
        dumpFlow(*fn, flow);
      std::optional<Shape> shape = classifyShape(flow);
      if (shape)
        out.flow = FlowReport{fn->name, fn->loc, *shape, interactionsOf(*flow.graph), fn->partialUnit,
                              fn->bodyErrors, flow.graph->truncated, flow.graph->approximated};
      auto config = configs.forFile(fn->loc.file);
      RuleContext context{program, flow, *config};
      for (const auto &rule : allRules()) {
        std::optional<Severity> severity = config->severityOf(rule->id(), rule->defaultSeverity());
        if (!severity)
          continue;
        std::vector<Finding> found;
        rule->check(context, found);
        for (Finding &f : found) {
          // A rule lowers a finding below its default when the evidence is
          // open (a socket type known only at run time): configured
          // severities raise none of those.
          f.severity = f.severity < rule->defaultSeverity() ? std::min(f.severity, *severity) : *severity;
          out.findings.push_back(std::move(f));
        }
      }
      // Injected last, once the flow's shape and findings are in: all of it goes.
      if (injectOutOfMemory && fn->name == injectOutOfMemory)
        throw std::bad_alloc();
    } catch (const std::bad_alloc &) {
      // What this flow built is gone with the stack; the finished graphs of
      // other functions are what is left to free.
      program.releaseGraphs();
      out = FlowResults{};
      out.outOfMemory = true;
    }
    analysed[index] = true;
    release(index);
    for (size_t callee : program.calleesOf(index)) {
      --callersLeft[callee];
      release(callee);
    }
  }
  report.link = program.linkFigures();
  report.link.largestFlow = largest.first;
  report.link.largest = largest.second;
  for (size_t i = 0; i < results.size(); ++i) {
    FlowResults &r = results[i];
    if (r.outOfMemory)
      outOfMemory[functions[i]->loc.file].push_back(functions[i]->name);
    if (r.flow)
      report.flows.push_back(std::move(*r.flow));
    std::move(r.findings.begin(), r.findings.end(), std::back_inserter(report.findings));
  }
  std::sort(report.findings.begin(), report.findings.end(), findingLess);
  report.findings.erase(std::unique(report.findings.begin(), report.findings.end(),
                                    [](const Finding &a, const Finding &b) {
                                      return a.rule == b.rule && a.loc == b.loc && a.function == b.function &&
                                             a.message == b.message;
                                    }),
                        report.findings.end());
  for (const FunctionSummary *fn : program.functions())
    analysedFiles.insert(fn->loc.file);
  for (const auto &failure : report.failures)
    analysedFiles.erase(failure.file); // not analysed: its comments were not tried
  applySuppressions(report, {analysedFiles.begin(), analysedFiles.end()}, configs,
                    SuppressionOptions{requireJustification});
  std::sort(report.findings.begin(), report.findings.end(), findingLess);
  assignFingerprints(report.findings, report);
  for (auto &[file, names] : outOfMemory) {
    std::string list;
    for (size_t i = 0; i < names.size(); ++i)
      list += (i ? ", " : "") + names[i];
    TranslationUnitFailure failure{file, {"the link ran out of memory (--link-memory) on " +
                                          std::to_string(names.size()) + " flow(s), not analysed: " + list},
                                   /*partial=*/true, /*link=*/true};
    auto at = std::lower_bound(report.failures.begin(), report.failures.end(), failure,
                               [](const auto &a, const auto &b) { return a.file < b.file; });
    if (at != report.failures.end() && at->file == file) {
      at->errors.push_back(failure.errors.front());
      at->partial = true; // a unit with errors: its headline says so, the link's error follows
    } else {
      report.failures.insert(at, std::move(failure));
    }
  }
  std::stable_sort(report.flows.begin(), report.flows.end(), [](const FlowReport &a, const FlowReport &b) {
    return std::tie(a.loc.file, a.loc.line, a.loc.column, a.function) <
           std::tie(b.loc.file, b.loc.line, b.loc.column, b.function);
  });
  // A bound of the link is never silent: say which flows it cut, and
  // which it analysed past the size where paths of different call chains
  // are merged.
  auto flowsWhere = [&](bool FlowReport::*flag) {
    std::vector<std::string> names;
    for (const FlowReport &flow : report.flows)
      if (flow.*flag)
        names.push_back(flow.function + " (" + report.relative(flow.loc.file) + ":" + std::to_string(flow.loc.line) +
                        ")");
    std::string list;
    for (size_t i = 0; i < names.size() && i < 5; ++i)
      list += (i ? ", " : "") + names[i];
    if (names.size() > 5)
      list += " and " + std::to_string(names.size() - 5) + " more";
    return std::make_pair(names.size(), list);
  };
  if (auto [count, names] = flowsWhere(&FlowReport::truncated); count)
    report.notices.push_back("flowshape: " + std::to_string(count) + " flow(s) reach more than the link keeps (" +
                             std::to_string(kGraphMaxNodes) + " interactions or " + std::to_string(kGraphMaxDepth) +
                             " calls deep), and were analysed in part: " + names);
  if (auto [count, names] = flowsWhere(&FlowReport::approximated); count)
    report.notices.push_back("flowshape: " + std::to_string(count) + " flow(s) are larger than the link keeps exact (" +
                             std::to_string(kGraphExactNodes) + " interactions, or " +
                             std::to_string(kGraphCycleBodies) +
                             " bodies of a call cycle): interactions of different call chains below their first call "
                             "were merged, or calls of a call cycle joined to one body, and a finding on them may "
                             "join paths the code does not: " +
                             names);
  if (!freeProgram)
    llvm::BuryPointer(std::move(owned));
  return report;
}

} // namespace flowshape
