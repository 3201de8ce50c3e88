// flowshape: finds the dependency shape of every messaging and RPC flow in a
// C++ codebase, and synchronous dependencies disguised behind a queue.
// This file only parses the command line (CLI11); driver/ does the work.
#include "driver/Driver.h"
#include "driver/Workers.h"
#include "support/Heap.h"
#include "support/OutputFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace {

int mainAnchor; // an address in this executable, to find its path

// Exit code 2 when standard output could not be written (a full disk):
// never LLVM's abort at exit.
int flushed(int code) {
  std::string error = flowshape::flushStandardOutput();
  if (error.empty())
    return code;
  llvm::errs() << "flowshape: error: " << error << "\n";
  return flowshape::ExitInputError;
}

} // namespace

int main(int argc, char **argv) {
  // The hidden worker mode: one translation unit per process (Workers.h).
  if (argc == 3 && std::string(argv[1]) == "--extract-worker")
    return flowshape::runExtractWorker(argv[2]);
  flowshape::tuneHeapForLink();

  // Everything after "--" is compiler flags, as for clang-tidy.
  std::vector<std::string> compilerFlags;
  bool haveFlags = false;
  int cliArgc = argc;
  for (int i = 1; i < argc; ++i)
    if (std::string(argv[i]) == "--") {
      haveFlags = true;
      cliArgc = i;
      for (int j = i + 1; j < argc; ++j)
        compilerFlags.emplace_back(argv[j]);
      break;
    }

  flowshape::DriverOptions options;
  options.compilerFlags = compilerFlags;
  options.haveCompilerFlags = haveFlags;
  options.executable = llvm::sys::fs::getMainExecutable(argv[0], &mainAnchor);
  // `flowshape merge FILE...` is `flowshape --merge FILE...`.
  std::vector<char *> args(argv, argv + cliArgc);
  if (args.size() > 1 && std::string(args[1]) == "merge") {
    options.merge = true;
    args.erase(args.begin() + 1);
  }

  CLI::App app{"flowshape: the dependency shape of messaging and RPC flows in C++ service code.\n"
               "Finds synchronous dependencies disguised behind a queue.\n"
               "Usage: flowshape [options] [files...] [-- <compiler flags>]\n"
               "       flowshape merge [options] <summaries files...>",
               "flowshape"};
  app.add_option("files", options.files, "Source files to analyse (default with -p: every entry of the database)");
  app.add_option("-p,--build-path", options.buildPath,
                 "Directory holding compile_commands.json (or the file itself), as for clang-tidy");
  app.add_option("--root", options.root,
                 "Project root: output paths are relative to it and only code under it is analysed "
                 "(default: nearest ancestor with .git or .flowshape.yaml)");
  app.add_option("--config", options.configFile, "Configuration file (default: .flowshape.yaml found upwards from each file)");
  app.add_option("--format", options.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "markdown"}))
      ->default_str("text");
  app.add_option("-o,--output", options.output, "Write the report to FILE instead of standard output");
  app.add_option("--json", options.jsonFile, "Also write a JSON report to FILE");
  app.add_option("--sarif", options.sarifFile, "Also write a SARIF 2.1.0 report to FILE (GitHub code scanning)");
  app.add_option("--markdown", options.markdownFile, "Also write a Markdown report to FILE (pull request, job summary)");
  app.add_option("--fail-on", options.failOn, "Exit 1 when a finding has at least this severity")
      ->check(CLI::IsMember({"none", "note", "warning", "error"}))
      ->default_str("warning");
  app.add_option("--group", options.group,
                 "Findings of one root cause (a helper reached from many flows) as one diagnostic, SARIF result "
                 "and Markdown row listing the flows (root-cause), or one per finding (none); JSON lists every "
                 "finding either way")
      ->check(CLI::IsMember({"root-cause", "none"}))
      ->default_str("root-cause");
  app.add_option("-j,--jobs", options.jobs, "Translation units analysed in parallel (default: number of cores)");
  app.add_option("--tu-timeout", options.tuTimeout,
                 "Stop a translation unit after SECONDS and report it as failed (0: no limit)")
      ->default_str("300");
  app.add_option("--tu-memory", options.tuMemory,
                 "Stop a translation unit that needs more than MB megabytes and report it as failed (0: no limit)")
      ->default_str("4096");
  app.add_option("--link-memory", options.linkMemory,
                 "Memory in MB this process may use to link and check the summaries (0: no limit): a flow that "
                 "needs more is reported as not analysed (exit 3), the others still are")
      ->default_str("8192");
  app.add_flag("--no-workers", options.noWorkers,
               "Parse in this process, not in worker processes: for debugging; a crash in Clang then ends the run "
               "and --tu-timeout and --tu-memory do not apply");
  app.add_option("--cache-dir", options.cacheDir,
                 "Summary cache directory (default: .flowshape-cache beside compile_commands.json, or in the "
                 "project root with \"--\")");
  app.add_flag("--no-cache", options.noCache, "Neither read nor write the summary cache");
  app.add_flag("--stats", options.stats,
               "Print on stderr how many translation units were parsed and how many came from the cache, "
               "and what the link built");
  app.add_option("--shard", options.shard,
                 "Analyse only shard K of N (K/N, by a stable hash of each file's path); needs --summaries-out");
  app.add_option("--summaries-out", options.summariesOut,
                 "Write the summaries of the analysed translation units to FILE instead of a report "
                 "(for `flowshape merge`)");
  app.add_flag("--merge", options.merge,
               "The files are summaries files written with --summaries-out: link and report them together");
  app.add_flag("-q,--quiet", options.quiet, "No progress output");
  app.add_flag("--no-color", options.noColor, "Never colour the text output");
  app.add_flag("--list-apis", options.listApis, "Print every catalog entry (library, API, role) and exit");
  app.add_flag("--list-rules", options.listRules, "Print every rule with its default severity and exit");
  app.add_option("--explain", options.explain, "Print the documentation of a rule and exit");
  app.add_flag("--version", options.version, "Print the version and exit");
  app.add_option("--baseline", options.baselineFile,
                 "A previous report (JSON or SARIF): its findings are marked unchanged and do not fail the run");
  app.add_option("--baseline-stale", options.baselineStale,
                 "Baseline entries that no longer occur: warn (default), ignore, or error (exit 2)")
      ->check(CLI::IsMember({"error", "warn", "ignore"}))
      ->default_str("warn");
  app.add_flag("--require-justification", options.requireJustification,
               "A suppression comment without a reason is an error (rule unjustified-suppression)");
  app.add_flag("--pre-commit", options.preCommit,
               "Git hook mode: analyse the given files that the database knows; pass when there is no database "
               "(-p, else $FLOWSHAPE_BUILD_DIR, else build)");

  try {
    app.parse(static_cast<int>(args.size()), args.data());
  } catch (const CLI::ParseError &error) {
    int code = app.exit(error);
    return flushed(code == 0 ? 0 : 2);
  }
  return flushed(flowshape::runDriver(options));
}
