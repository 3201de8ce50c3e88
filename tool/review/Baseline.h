// Baselines: a previous report (flowshape JSON or SARIF, told apart by
// content) whose findings are accepted for now. Findings are matched by
// their line-independent fingerprint (JSON "fingerprint", SARIF
// partialFingerprints["flowshapeFingerprint/v1"]), so moving code does not
// make a finding new. A SARIF result that stands for several findings of
// one root cause is read as its members (properties
// "flowshape/memberFingerprints"), so that baselines written with and
// without grouping match the same findings. Documented in README.md and
// docs/ci.md.
#pragma once

#include "flowshape/Report.h"

#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace flowshape {

// A baseline that cannot be read: "file[:line:col]: what is wrong".
struct BaselineError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct BaselineEntry {
  std::string fingerprint;
  std::string rule;
  std::string file; // as the baseline wrote it (root-relative for flowshape's own reports)
  unsigned line = 0;
  std::string message;
};

struct Baseline {
  std::string path;
  std::string format; // "json" or "sarif"
  std::vector<BaselineEntry> entries;
};

// Reads a baseline. Throws BaselineError.
Baseline loadBaseline(const std::string &path);
Baseline parseBaseline(const std::string &path, const std::string &content);

struct BaselineOutcome {
  size_t unchanged = 0; // findings already in the baseline
  size_t added = 0;     // findings that are new
  std::vector<BaselineEntry> stale; // entries that no longer occur
};

// Marks every finding "unchanged" or "new". `scope` limits which entries may
// be stale: when not empty, only entries whose file (root-relative) is in it,
// for runs that analyse part of the project.
BaselineOutcome applyBaseline(Report &report, const Baseline &baseline, const std::set<std::string> &scope = {});

} // namespace flowshape
