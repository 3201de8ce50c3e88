// The analysis as a library call: compile commands in, report out. The
// command-line driver and the tests both go through here.
#pragma once

#include "extract/Extractor.h"
#include "flowshape/Config.h"
#include "flowshape/Report.h"

#include <functional>
#include <string>
#include <vector>

namespace flowshape {

struct AnalysisRequest {
  std::vector<CompileCommand> commands;
  std::string root;       // project root (absolute)
  std::string configFile; // --config; empty: discover per file
  unsigned jobs = 1;
  bool requireJustification = false; // a suppression without a reason is an error finding
  // Called as each translation unit starts: (index from 1, total, file).
  std::function<void(size_t, size_t, const std::string &)> progress;
};

struct AnalysisStats {
  size_t parsed = 0; // translation units parsed in this run
};

// Runs extract -> link -> rules. Throws ConfigError / CatalogError for bad
// configuration; translation units that fail are reported in the result.
Report analyze(const AnalysisRequest &request, AnalysisStats *stats = nullptr);

// The project root for a run: the nearest ancestor of `start` holding .git
// or .flowshape.yaml, else `fallback`.
std::string findProjectRoot(const std::string &start, const std::string &fallback);

} // namespace flowshape
