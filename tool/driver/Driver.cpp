#include "driver/Driver.h"

#include "driver/Analysis.h"
#include "driver/CompileCommands.h"
#include "driver/Shards.h"
#include "flowshape/Catalog.h"
#include "flowshape/Rule.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>

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
  std::error_code error;
  llvm::raw_fd_ostream os(path, error, llvm::sys::fs::OF_Text);
  if (error) {
    llvm::errs() << "flowshape: error: " << path << ": cannot write: " << error.message() << "\n";
    return false;
  }
  write(os);
  return true;
}

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
  if (llvm::sys::fs::is_directory(database))
    database += "/compile_commands.json";
  return selectCommands(loadCompileCommands(options.buildPath), options.files, database);
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

// Extracts (parsing or from the cache) and reports; with --summaries-out
// writes the summaries instead and returns nothing.
std::optional<Report> analyseProject(const DriverOptions &options) {
  AnalysisRequest request;
  request.commands = commandsFor(options);
  std::string start = !options.buildPath.empty() ? normalizePath(options.buildPath) : normalizePath(".");
  std::string fallback = request.commands.empty() ? start
                                                  : std::string(llvm::sys::path::parent_path(request.commands.front().file));
  request.root = !options.root.empty() ? normalizePath(options.root) : findProjectRoot(start, fallback);
  request.configFile = options.configFile;
  request.jobs = options.jobs ? options.jobs : llvm::hardware_concurrency().compute_thread_count();
  bool showProgress = !options.quiet && llvm::sys::Process::StandardErrIsDisplayed();
  if (showProgress)
    request.progress = [&](size_t i, size_t n, const std::string &file) {
      std::string width = std::to_string(n);
      std::string index = std::to_string(i);
      llvm::errs() << "[" << std::string(width.size() - index.size(), ' ') << index << "/" << n << "] " << file
                   << "\n";
    };
  request.cacheDir = cacheDirectoryFor(options, request.root);
  ShardSpec shard = options.shard.empty() ? ShardSpec{} : parseShard(options.shard);
  request.shardIndex = shard.index;
  request.shardCount = shard.count;

  AnalysisStats stats;
  ExtractedUnits units = extractUnits(request, &stats);
  if (options.stats)
    printStats(stats, units.files, request.cacheDir);
  else if (!stats.cacheWarning.empty())
    llvm::errs() << "flowshape: warning: " << stats.cacheWarning << " (the summary cache is not updated)\n";
  if (!options.summariesOut.empty()) {
    writeSummariesFile(options.summariesOut, units, shard);
    return std::nullopt;
  }
  return reportUnits(std::move(units), request.configFile);
}

} // namespace

int runDriver(const DriverOptions &options) {
  llvm::raw_ostream &out = llvm::outs();
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

    if (options.merge && (!options.shard.empty() || !options.summariesOut.empty() || options.haveCompilerFlags ||
                          !options.buildPath.empty()))
      throw InputError("merge reads summaries files only: --shard, --summaries-out, -p and \"--\" do not apply");
    if (!options.shard.empty() && options.summariesOut.empty())
      throw InputError("--shard K/N needs --summaries-out FILE (merge the shards' files with `flowshape merge`)");

    Report report;
    if (options.merge) {
      ExtractedUnits units = readSummariesFiles(options.files);
      if (!options.root.empty())
        units.root = normalizePath(options.root);
      report = reportUnits(std::move(units), options.configFile);
    } else {
      std::optional<Report> analysed = analyseProject(options);
      if (!analysed)
        return ExitClean; // summaries written for a later merge
      report = std::move(*analysed);
    }

    bool ok = true;
    if (!options.jsonFile.empty())
      ok = writeTo(options.jsonFile, [&](llvm::raw_ostream &os) { writeJson(report, os); }) && ok;
    auto writeMain = [&](llvm::raw_ostream &os, bool color) {
      if (options.format == "json")
        writeJson(report, os);
      else
        writeText(report, os, TextOptions{color, true, true});
    };
    if (!options.output.empty())
      ok = writeTo(options.output, [&](llvm::raw_ostream &os) { writeMain(os, false); }) && ok;
    else
      writeMain(out, !options.noColor && out.has_colors() && llvm::sys::Process::StandardOutIsDisplayed());
    out.flush();
    if (!ok)
      return ExitInputError;
    return exitCodeFor(report, options.failOn);
  } catch (const InputError &error) {
    llvm::errs() << "flowshape: error: " << error.what() << "\n";
  } catch (const ConfigError &error) {
    llvm::errs() << "flowshape: error: " << error.what() << "\n";
  } catch (const CatalogError &error) {
    llvm::errs() << "flowshape: error: " << error.what() << "\n";
  }
  return ExitInputError;
}

} // namespace flowshape
