#include "review/Baseline.h"

#include "support/JsonError.h"

#include <nlohmann/json.hpp>

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"

#include <map>

namespace flowshape {

namespace {

using nlohmann::json;

const char *const kSarifFingerprint = "flowshapeFingerprint/v1";
// A result for several findings of one root cause (report/FindingGroups.h)
// lists each member's fingerprint and location in its properties.
const char *const kMemberFingerprints = "flowshape/memberFingerprints";
const char *const kMemberLocations = "flowshape/memberLocations";

[[noreturn]] void fail(const std::string &path, const std::string &where, const std::string &what) {
  throw BaselineError(path + ": " + (where.empty() ? "" : where + ": ") + what);
}

std::string stringAt(const json &object, const char *key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

unsigned unsignedAt(const json &object, const char *key) {
  auto it = object.find(key);
  return it != object.end() && it->is_number_unsigned() ? it->get<unsigned>() : 0;
}

std::vector<BaselineEntry> fromJsonReport(const std::string &path, const json &root) {
  const json &findings = root.at("findings");
  if (!findings.is_array())
    fail(path, "/findings", "must be an array");
  std::vector<BaselineEntry> out;
  for (size_t i = 0; i < findings.size(); ++i) {
    const json &f = findings[i];
    std::string where = "/findings/" + std::to_string(i);
    if (!f.is_object())
      fail(path, where, "a finding must be an object");
    auto fingerprint = f.find("fingerprint");
    if (fingerprint == f.end() || !fingerprint->is_string() || fingerprint->get<std::string>().empty())
      fail(path, where, "the finding has no \"fingerprint\" (written by flowshape 0.1 and later: regenerate the "
                        "baseline with --format json)");
    out.push_back({fingerprint->get<std::string>(), stringAt(f, "rule"), stringAt(f, "file"), unsignedAt(f, "line"),
                   stringAt(f, "message")});
  }
  return out;
}

// The members of a grouped result, one entry each, as an ungrouped report
// would list them; nothing for a result of one finding.
std::vector<BaselineEntry> memberEntries(const std::string &path, const std::string &where, const json &result,
                                         const BaselineEntry &shown) {
  auto properties = result.find("properties");
  if (properties == result.end() || !properties->is_object())
    return {};
  auto fingerprints = properties->find(kMemberFingerprints);
  if (fingerprints == properties->end())
    return {};
  std::string at = where + "/properties/flowshape~1memberFingerprints"; // a JSON pointer: '/' is "~1"
  if (!fingerprints->is_array() || fingerprints->empty())
    fail(path, at, "must be a non-empty array of fingerprints");
  const json *locations = nullptr;
  if (auto l = properties->find(kMemberLocations);
      l != properties->end() && l->is_array() && l->size() == fingerprints->size())
    locations = &*l;
  std::vector<BaselineEntry> out;
  for (size_t i = 0; i < fingerprints->size(); ++i) {
    const json &fingerprint = (*fingerprints)[i];
    if (!fingerprint.is_string() || fingerprint.get<std::string>().empty())
      fail(path, at + "/" + std::to_string(i), "a member fingerprint must be a non-empty string");
    BaselineEntry entry = shown;
    entry.fingerprint = fingerprint.get<std::string>();
    if (locations && (*locations)[i].is_object()) { // where the member is, for the stale list and its scope
      entry.file = stringAt((*locations)[i], "uri");
      entry.line = unsignedAt((*locations)[i], "startLine");
    }
    out.push_back(std::move(entry));
  }
  return out;
}

bool isFlowshapeRun(const json &run) {
  const json *driver = nullptr;
  if (auto tool = run.find("tool"); tool != run.end() && tool->is_object())
    if (auto d = tool->find("driver"); d != tool->end() && d->is_object())
      driver = &*d;
  return driver && llvm::StringRef(stringAt(*driver, "name")).equals_insensitive("flowshape");
}

std::vector<BaselineEntry> fromSarif(const std::string &path, const json &root) {
  const json &runs = root.at("runs");
  if (!runs.is_array())
    fail(path, "/runs", "must be an array");
  std::vector<BaselineEntry> out;
  bool sawFlowshape = false;
  for (size_t r = 0; r < runs.size(); ++r) {
    const json &run = runs[r];
    std::string runWhere = "/runs/" + std::to_string(r);
    if (!run.is_object())
      fail(path, runWhere, "a run must be an object");
    if (!isFlowshapeRun(run))
      continue; // a log merged from several tools: only flowshape's results are its baseline
    sawFlowshape = true;
    auto results = run.find("results");
    if (results == run.end() || results->is_null())
      continue;
    if (!results->is_array())
      fail(path, runWhere + "/results", "must be an array");
    for (size_t i = 0; i < results->size(); ++i) {
      const json &result = (*results)[i];
      std::string where = runWhere + "/results/" + std::to_string(i);
      if (!result.is_object())
        fail(path, where, "a result must be an object");
      if (stringAt(result, "baselineState") == "absent")
        continue; // reported as gone by that run: not a finding of it
      std::string fingerprint;
      if (auto fps = result.find("partialFingerprints"); fps != result.end() && fps->is_object())
        fingerprint = stringAt(*fps, kSarifFingerprint);
      BaselineEntry entry{fingerprint, stringAt(result, "ruleId"), {}, 0, {}};
      if (auto message = result.find("message"); message != result.end() && message->is_object())
        entry.message = stringAt(*message, "text");
      if (auto locations = result.find("locations");
          locations != result.end() && locations->is_array() && !locations->empty() && (*locations)[0].is_object()) {
        const json &location = (*locations)[0];
        if (auto physical = location.find("physicalLocation"); physical != location.end() && physical->is_object()) {
          if (auto artifact = physical->find("artifactLocation"); artifact != physical->end() && artifact->is_object())
            entry.file = stringAt(*artifact, "uri");
          if (auto region = physical->find("region"); region != physical->end() && region->is_object())
            entry.line = unsignedAt(*region, "startLine");
        }
      }
      if (std::vector<BaselineEntry> members = memberEntries(path, where, result, entry); !members.empty()) {
        out.insert(out.end(), members.begin(), members.end());
        continue;
      }
      if (fingerprint.empty())
        fail(path, where,
             std::string("the result has no partialFingerprints \"") + kSarifFingerprint +
                 "\" (written by flowshape 0.1 and later: regenerate the baseline with --format sarif)");
      out.push_back(std::move(entry));
    }
  }
  if (!sawFlowshape)
    fail(path, "", "the SARIF log has no run of flowshape (tool.driver.name)");
  return out;
}

} // namespace

Baseline parseBaseline(const std::string &path, const std::string &content) {
  if (llvm::StringRef(content).trim().empty())
    fail(path, "", "the baseline is empty (expected a flowshape JSON report or a SARIF log)");
  json root;
  try {
    root = json::parse(content);
  } catch (const json::parse_error &error) {
    throw BaselineError(malformedJson(path, content, error));
  }
  Baseline baseline;
  baseline.path = path;
  if (root.is_object() && root.contains("runs")) {
    baseline.format = "sarif";
    baseline.entries = fromSarif(path, root);
  } else if (root.is_object() && root.contains("findings")) {
    baseline.format = "json";
    baseline.entries = fromJsonReport(path, root);
  } else {
    fail(path, "",
         "not a baseline: expected a flowshape JSON report (with \"findings\") or a SARIF log (with \"runs\")");
  }
  return baseline;
}

Baseline loadBaseline(const std::string &path) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    fail(path, "", "cannot read baseline: " + buffer.getError().message());
  return parseBaseline(path, (*buffer)->getBuffer().str());
}

BaselineOutcome applyBaseline(Report &report, const Baseline &baseline, const std::set<std::string> &scope) {
  std::map<std::string, std::vector<size_t>> remaining; // fingerprint -> entries not yet matched
  for (size_t i = 0; i < baseline.entries.size(); ++i)
    remaining[baseline.entries[i].fingerprint].push_back(i);
  BaselineOutcome outcome;
  for (Finding &f : report.findings) {
    auto it = remaining.find(f.fingerprint);
    if (it != remaining.end() && !it->second.empty()) {
      it->second.erase(it->second.begin());
      f.baselineState = "unchanged";
      ++outcome.unchanged;
    } else {
      f.baselineState = "new";
      ++outcome.added;
    }
  }
  for (const auto &[fingerprint, entries] : remaining)
    for (size_t i : entries) {
      const BaselineEntry &entry = baseline.entries[i];
      std::string file = entry.file;
      if (llvm::StringRef(file).starts_with("file://"))
        file = report.relative(file.substr(7));
      if (scope.empty() || scope.count(file))
        outcome.stale.push_back(entry);
    }
  std::sort(outcome.stale.begin(), outcome.stale.end(), [](const BaselineEntry &a, const BaselineEntry &b) {
    return std::tie(a.file, a.line, a.rule, a.fingerprint) < std::tie(b.file, b.line, b.rule, b.fingerprint);
  });
  return outcome;
}

} // namespace flowshape
