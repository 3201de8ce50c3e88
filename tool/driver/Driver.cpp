#include "driver/Driver.h"

#include "driver/Analysis.h"
#include "driver/CompileCommands.h"
#include "driver/PreCommit.h"
#include "driver/ProjectRoot.h"
#include "driver/Shards.h"
#include "driver/Workers.h"
#include "flowshape/Catalog.h"
#include "flowshape/Rule.h"
#include "review/Baseline.h"
#include "support/ErrorText.h"
#include "support/OutputFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

#include <new>
#include <optional>
#include <set>

namespace flowshape {

namespace {

void listApis(llvm::raw_ostream &os) {
  const Catalog &catalog = Catalog::builtin();
  for (const auto &[library, description] : catalog.libraries()) {
    os << library << ": " << description << "\n";
    for (const auto &entry : catalog.entries()) {
      if (entry->library != library)
        continue;
      std::string name = entry->name.empty() ? "/" + entry->nameRegex + "/" : entry->name;
      std::string role = roleName(entry->role);
      if (!entry->byFact.empty())
        role += " (by " + entry->byFact + ")";
      os << "  " << name << std::string(name.size() < 52 ? 52 - name.size() : 1, ' ') << role << "\n";
    }
  }
}

void listRules(llvm::raw_ostream &os) {
  for (const auto &rule : allRules()) {
    std::string id = rule->id();
    std::string severity = severityName(rule->defaultSeverity());
    os << id << std::string(id.size() < 24 ? 24 - id.size() : 1, ' ') << severity
       << std::string(severity.size() < 9 ? 9 - severity.size() : 1, ' ') << rule->summary() << "\n";
  }
}

bool writeTo(const std::string &path, const std::function<void(llvm::raw_ostream &)> &write) {
  std::string error = writeOutputFile(path, write);
  if (!error.empty())
    llvm::errs() << "flowshape: error: " << error << "\n";
  return error.empty();
}

// Counts findings, not root causes: --group changes how they are shown,
// never whether the run fails.
int exitCodeFor(const Report &report, const std::string &failOn) {
  if (failOn != "none") {
    Severity threshold = *parseSeverity(failOn);
    for (const Finding &f : report.findings)
      if (!f.suppression && f.baselineState != "unchanged" && f.severity >= threshold)
        return ExitFindings;
  }
  return report.failures.empty() ? ExitClean : ExitParseFailure;
}

std::vector<CompileCommand> commandsFor(const DriverOptions &options) {
  if (options.haveCompilerFlags) {
    if (options.files.empty())
      throw InputError("no input files: give the files to analyse before \"--\"");
    return fixedCommands(options.files, options.compilerFlags);
  }
  if (options.buildPath.empty())
    throw InputError("no compilation database: use -p <build-dir> (compile_commands.json), or give files followed "
                     "by \"-- <compiler flags>\"");
  std::string database = options.buildPath;
  if (llvm::sys::fs::is_directory(database) || llvm::sys::path::extension(database) != ".json")
    database += "/compile_commands.json";
  return selectCommands(loadCompileCommands(options.buildPath), options.files, database);
}

// Baseline entries that no longer occur: fixed findings, or code changed
// enough that the fingerprint moved. Returns false when they fail the run.
bool reportStaleEntries(const Baseline &baseline, const BaselineOutcome &outcome, const std::string &policy) {
  if (outcome.stale.empty() || policy == "ignore")
    return true;
  bool error = policy == "error";
  size_t n = outcome.stale.size();
  llvm::errs() << "flowshape: " << (error ? "error: " : "warning: ") << baseline.path << ": " << n
               << (n == 1 ? " baseline entry no longer occurs" : " baseline entries no longer occur")
               << ": refresh the baseline (docs/ci.md)\n";
  for (const BaselineEntry &entry : outcome.stale)
    llvm::errs() << "  " << (entry.file.empty() ? "?" : entry.file) << ":" << entry.line << ": " << entry.rule << ": "
                 << entry.message << "\n";
  return !error;
}

// The cache lives beside the compile database (as clangd's index does),
// or in the project root for runs with flags after "--".
std::string cacheDirectoryFor(const DriverOptions &options, const std::string &root) {
  if (options.noCache)
    return {};
  if (!options.cacheDir.empty())
    return normalizePath(options.cacheDir);
  if (!options.buildPath.empty() && !options.haveCompilerFlags) {
    std::string build = normalizePath(options.buildPath);
    if (!llvm::sys::fs::is_directory(build))
      build = std::string(llvm::sys::path::parent_path(build));
    return build + "/.flowshape-cache";
  }
  return root + "/.flowshape-cache";
}

void printStats(const AnalysisStats &stats, size_t files, const std::string &cacheDir) {
  llvm::errs() << "flowshape: " << files << (files == 1 ? " translation unit" : " translation units") << ", "
               << stats.parsed << " parsed, " << stats.fromCache << " from the cache";
  if (stats.damaged)
    llvm::errs() << ", " << stats.damaged << " damaged cache " << (stats.damaged == 1 ? "entry" : "entries")
                 << " rebuilt";
  llvm::errs() << " (cache: " << (cacheDir.empty() ? std::string("off") : cacheDir) << ")\n";
  if (!stats.cacheWarning.empty())
    llvm::errs() << "flowshape: warning: " << stats.cacheWarning << " (the summary cache is not updated)\n";
}

// What the link built: how much of it came from callees spliced into their
// callers, and the flow that reached the most.
void printLinkFigures(const LinkFigures &link, size_t flows) {
  llvm::errs() << "flowshape: link: " << flows << (flows == 1 ? " flow, " : " flows, ") << link.graphs
               << (link.graphs == 1 ? " graph" : " graphs") << " built, " << link.nodes << " nodes (" << link.spliced
               << " from callees, " << link.silent << " junctions), " << link.edges << (link.edges == 1 ? " edge" : " edges");
  if (!link.largestFlow.empty())
    llvm::errs() << "; the largest flow graph: " << link.largestFlow << ", " << link.largest << " nodes";
  if (link.approximated)
    llvm::errs() << "; " << link.approximated << (link.approximated == 1 ? " graph" : " graphs")
                 << " past a size bound (approximated)";
  llvm::errs() << "\n";
}

// Extracts (parsing or from the cache) and reports; with --summaries-out
// writes the summaries instead and returns nothing.
std::optional<Report> analyseProject(const DriverOptions &options, std::vector<CompileCommand> commands) {
  AnalysisRequest request;
  request.commands = std::move(commands);
  // The sources decide the root, wherever the build directory is.
  request.root = !options.root.empty() ? normalizePath(options.root)
                                       : discoverProjectRoot(request.commands, normalizePath("."));
  // What is left outside is named, never dropped silently.
  for (const std::string &warning : outsideRootWarnings(request.commands, request.root))
    llvm::errs() << "flowshape: warning: " << warning << "\n";
  request.configFile = options.configFile;
  request.jobs = options.jobs ? options.jobs : llvm::hardware_concurrency().compute_thread_count();
  request.requireJustification = options.requireJustification;
  if (!options.noWorkers)
    request.workerExecutable = options.executable;
  request.tuTimeoutSeconds = options.tuTimeout;
  request.tuMemoryMB = options.tuMemory;
  bool showProgress = !options.quiet && !options.preCommit && llvm::sys::Process::StandardErrIsDisplayed();
  if (showProgress)
    request.progress = [&](size_t i, size_t n, const std::string &file) {
      std::string width = std::to_string(n);
      std::string index = std::to_string(i);
      std::string shown = file;
      if (file.size() > request.root.size() && file.compare(0, request.root.size(), request.root) == 0 &&
          file[request.root.size()] == '/')
        shown = file.substr(request.root.size() + 1);
      llvm::errs() << "[" << std::string(width.size() - index.size(), ' ') << index << "/" << n << "] " << shown
                   << "\n";
    };
  request.cacheDir = cacheDirectoryFor(options, request.root);
  ShardSpec shard = options.shard.empty() ? ShardSpec{} : parseShard(options.shard);
  request.shardIndex = shard.index;
  request.shardCount = shard.count;
  request.wholeUnits = !options.summariesOut.empty();

  AnalysisStats stats;
  ExtractedUnits units = extractUnits(request, &stats);
  for (const std::string &warning : stats.warnings)
    llvm::errs() << "flowshape: warning: " << warning << "\n";
  if (options.stats) {
    printStats(stats, units.files, request.cacheDir);
  } else {
    // Damage only costs time (the entries were parsed again), but a cache
    // that keeps being damaged is worth knowing about.
    if (stats.damaged)
      llvm::errs() << "flowshape: warning: " << stats.damaged << " unreadable or damaged cache "
                   << (stats.damaged == 1 ? "entry" : "entries") << " in " << request.cacheDir << " rebuilt\n";
    if (!stats.cacheWarning.empty())
      llvm::errs() << "flowshape: warning: " << stats.cacheWarning << " (the summary cache is not updated)\n";
  }
  if (!options.summariesOut.empty()) {
    writeSummariesFile(options.summariesOut, units, shard);
    return std::nullopt;
  }
  return reportUnits(std::move(units), request.configFile, request.requireJustification, /*freeProgram=*/false);
}

} // namespace

int runDriver(const DriverOptions &given) {
  llvm::raw_ostream &out = llvm::outs();
  DriverOptions options = given;
  if (options.preCommit) // the hook has a default build directory: everything below sees it
    options.buildPath = preCommitBuildPath(options.buildPath);
  try {
    if (options.version) {
      out << "flowshape " << FLOWSHAPE_VERSION << " (clang " << CLANG_VERSION_STRING_FOR_FLOWSHAPE << ")\n";
      return ExitClean;
    }
    if (options.listApis) {
      listApis(out);
      return ExitClean;
    }
    if (options.listRules) {
      listRules(out);
      return ExitClean;
    }
    if (!options.explain.empty()) {
      std::string id = llvm::StringRef(options.explain).starts_with("flowshape-") ? options.explain.substr(10)
                                                                                  : options.explain;
      if (!findRule(id))
        throw InputError("--explain: unknown rule '" + options.explain + "' (see --list-rules)");
      out << ruleDocumentation(id);
      return ExitClean;
    }

    limitProcessMemory(options.linkMemory);
    if (options.merge && (!options.shard.empty() || !options.summariesOut.empty() || options.haveCompilerFlags ||
                          !options.buildPath.empty() || options.preCommit))
      throw InputError("merge reads summaries files only: --shard, --summaries-out, -p, --pre-commit and \"--\" do "
                       "not apply");
    if (!options.shard.empty() && options.summariesOut.empty())
      throw InputError("--shard K/N needs --summaries-out FILE (merge the shards' files with `flowshape merge`)");

    // A malformed baseline fails before the (long) analysis.
    std::optional<Baseline> baseline;
    if (!options.baselineFile.empty())
      baseline = loadBaseline(options.baselineFile);

    Report report;
    std::vector<CompileCommand> commands;
    if (options.merge) {
      ExtractedUnits units = readSummariesFiles(options.files);
      if (!options.root.empty())
        units.root = normalizePath(options.root);
      report = reportUnits(std::move(units), options.configFile, options.requireJustification, /*freeProgram=*/false);
    } else {
      if (options.preCommit) {
        auto staged = preCommitCommands(options);
        if (!staged)
          return ExitClean;
        commands = std::move(*staged);
      } else {
        commands = commandsFor(options);
      }
      std::optional<Report> analysed = analyseProject(options, commands);
      if (!analysed)
        return ExitClean; // summaries written for a later merge
      report = std::move(*analysed);
    }
    if (options.stats)
      printLinkFigures(report.link, report.flows.size());
    bool staleOk = true;
    if (baseline) {
      // A run over some files only (given, or staged) cannot tell whether
      // entries of other files still occur.
      std::set<std::string> scope;
      if (!options.merge && !options.files.empty())
        for (const CompileCommand &command : commands)
          scope.insert(report.relative(command.file));
      BaselineOutcome outcome = applyBaseline(report, *baseline, scope);
      staleOk = reportStaleEntries(*baseline, outcome, options.baselineStale);
    }

    report.grouping = options.group == "none" ? Grouping::None : Grouping::RootCause;
    bool ok = true;
    if (!options.jsonFile.empty())
      ok = writeTo(options.jsonFile, [&](llvm::raw_ostream &os) { writeJson(report, os); }) && ok;
    if (!options.sarifFile.empty())
      ok = writeTo(options.sarifFile, [&](llvm::raw_ostream &os) { writeSarif(report, os); }) && ok;
    if (!options.markdownFile.empty())
      ok = writeTo(options.markdownFile, [&](llvm::raw_ostream &os) { writeMarkdown(report, os); }) && ok;
    auto writeMain = [&](llvm::raw_ostream &os, bool color) {
      if (options.format == "json")
        writeJson(report, os);
      else if (options.format == "sarif")
        writeSarif(report, os);
      else if (options.format == "markdown")
        writeMarkdown(report, os);
      else
        writeText(report, os, TextOptions{color, true, true});
    };
    if (!options.output.empty())
      ok = writeTo(options.output, [&](llvm::raw_ostream &os) { writeMain(os, false); }) && ok;
    else
      writeMain(out, !options.noColor && out.has_colors() && llvm::sys::Process::StandardOutIsDisplayed());
    if (!ok || !staleOk)
      return ExitInputError;
    int code = exitCodeFor(report, options.failOn);
    // Exit code 1 (findings) outranks 3 (failed units): say that both happened.
    if (code == ExitFindings && !report.failures.empty())
      llvm::errs() << "flowshape: warning: " << report.failures.size()
                   << (report.failures.size() == 1 ? " translation unit" : " translation units")
                   << " failed to parse or link (not analysed); exit code 1 reports the findings, not this failure\n";
    return code;
  } catch (const std::bad_alloc &) {
    // Outside one flow's link (reading the summaries, the program's indexes):
    // nothing to report, but never an abort.
    llvm::errs() << "flowshape: error: out of memory"
                 << (options.linkMemory ? " (the limit of --link-memory is " + std::to_string(options.linkMemory) +
                                              " MB)"
                                        : std::string())
                 << "; nothing was reported\n";
    return ExitParseFailure;
  } catch (const InputError &error) {
    llvm::errs() << "flowshape: error: " << oneLine(error.what()) << "\n";
  } catch (const ConfigError &error) {
    llvm::errs() << "flowshape: error: " << oneLine(error.what()) << "\n";
  } catch (const CatalogError &error) {
    llvm::errs() << "flowshape: error: " << oneLine(error.what()) << "\n";
  } catch (const BaselineError &error) {
    llvm::errs() << "flowshape: error: " << oneLine(error.what()) << "\n";
  }
  return ExitInputError;
}

} // namespace flowshape
