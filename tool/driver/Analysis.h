// The analysis as a library call: compile commands in, report out. The
// command-line driver and the tests both go through here.
#pragma once

#include "driver/Workers.h"
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
  std::string cacheDir; // summary cache (cache/SummaryCache.h); empty: no cache
  // Analyse only shard `shardIndex` (1-based) of `shardCount`, chosen by a
  // stable hash of each file's path relative to the root (see shardOf).
  unsigned shardIndex = 1;
  unsigned shardCount = 1;
  // Parse each translation unit in a worker process (driver/Workers.h):
  // this executable, run as `--extract-worker`. Empty: parse in this
  // process (tests, library use), where a crash in Clang ends the run.
  std::string workerExecutable;
  unsigned tuTimeoutSeconds = 0; // per unit, with workers; 0: none
  unsigned tuMemoryMB = 0;       // per unit, with workers; 0: none
  // Every unit with all its functions, as extracted (--summaries-out).
  // Otherwise, for the link, a function that units share (an inline
  // function of a header) may be left in the first of them only.
  bool wholeUnits = false;
  // Called as each translation unit starts: (index from 1, total, file).
  std::function<void(size_t, size_t, const std::string &)> progress;
};

struct AnalysisStats {
  size_t parsed = 0;    // translation units parsed in this run
  size_t fromCache = 0; // translation units whose summary came from the cache
  size_t damaged = 0;   // damaged cache entries met (and rebuilt)
  std::vector<std::string> parsedFiles; // main files parsed, sorted
  std::string cacheWarning; // why the cache could not be written, if it could not
  // What the configuration selected that looks like a mistake: an include
  // glob matching no file, nothing selected at all.
  std::vector<std::string> warnings;
};

// What extraction produced: the input of linking, and what a shard writes
// (--summaries-out) for `flowshape merge`.
struct ExtractedUnits {
  std::string root;  // project root (absolute)
  size_t files = 0;  // translation units selected
  // Digest of what extraction ran under (catalogs, every config the
  // database's files use, the project filter): shards must agree on it.
  std::string configuration;
  std::vector<TranslationUnitSummary> units;
  std::vector<TranslationUnitFailure> failures;
};

// Runs extract -> link -> rules. Throws ConfigError / CatalogError for bad
// configuration; translation units that fail are reported in the result.
Report analyze(const AnalysisRequest &request, AnalysisStats *stats = nullptr);

// The two halves of analyze(): extraction (parsing, or the cache), and
// link -> rules over summaries from one run or from several shards.
ExtractedUnits extractUnits(const AnalysisRequest &request, AnalysisStats *stats = nullptr);
// freeProgram = false leaves the linked program to the end of the process
// (the command line's choice, as clang's -disable-free): freeing its
// 100,000s of small objects costs a warm run a few percent for nothing.
Report reportUnits(ExtractedUnits extracted, const std::string &configFile, bool requireJustification = false,
                   bool freeProgram = true);

// The shard (1..count) of a file, from its path relative to the project
// root: the same on every machine and for any input order.
unsigned shardOf(const std::string &relativePath, unsigned count);

// The project root for a run: the nearest ancestor of `start` holding .git
// or .flowshape.yaml, else `fallback`.
std::string findProjectRoot(const std::string &start, const std::string &fallback);

} // namespace flowshape
