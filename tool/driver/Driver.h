// The command-line driver: options in, report files and an exit code out.
#pragma once

#include <string>
#include <vector>

namespace flowshape {

struct DriverOptions {
  std::vector<std::string> files;
  std::vector<std::string> compilerFlags;
  bool haveCompilerFlags = false;
  std::string buildPath;
  std::string root;
  std::string configFile;
  std::string format = "text";
  std::string output;
  std::string jsonFile;
  std::string sarifFile;
  std::string markdownFile;
  std::string failOn = "warning";
  std::string group = "root-cause"; // --group: root-cause | none (text, SARIF, Markdown)
  unsigned jobs = 0;
  unsigned tuTimeout = 300; // --tu-timeout: seconds per translation unit; 0: none
  unsigned tuMemory = 4096; // --tu-memory: MB per translation unit; 0: none
  unsigned linkMemory = 8192; // --link-memory: MB for this process (summaries, link, rules, report); 0: none
  std::string executable;   // this program: workers run it (empty: parse in-process)
  bool noWorkers = false;   // --no-workers: parse in-process
  std::string cacheDir; // default: .flowshape-cache beside the compile database, or in the root
  bool noCache = false;
  bool stats = false;        // print what was parsed, what came from the cache and what the link built, on stderr
  std::string shard;         // "K/N"
  std::string summariesOut;  // write summaries instead of a report
  bool merge = false;        // `files` are summaries files to link and report
  bool quiet = false;
  bool noColor = false;
  bool listApis = false;
  bool listRules = false;
  std::string explain;
  bool version = false;
  std::string baselineFile;           // --baseline: a previous JSON or SARIF report
  std::string baselineStale = "warn"; // --baseline-stale: error | warn | ignore
  bool requireJustification = false;  // --require-justification
  bool preCommit = false;             // --pre-commit: the git hook's mode (see PreCommit.h)
};

// Exit codes (SPEC): 2 usage, config or input error (also a stale baseline
// under --baseline-stale error); 1 findings at or above --fail-on; 3 a
// translation unit could not be analysed; 0 otherwise.
enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitInputError = 2, ExitParseFailure = 3 };

int runDriver(const DriverOptions &options);

} // namespace flowshape
