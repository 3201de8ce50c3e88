#include "LoaderTargets.h"

#include "cache/SummaryCache.h"
#include "driver/CompileCommands.h"
#include "driver/Shards.h"
#include "flowshape/Catalog.h"
#include "flowshape/Config.h"
#include "review/Baseline.h"
#include "review/Suppressions.h"
#include "summary/SummaryBinary.h"
#include "summary/SummaryJson.h"
#include "support/ErrorText.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace flowshape::fuzz {

namespace {

// A broken promise of a loader: said on stderr, then a crash for libFuzzer.
[[noreturn]] void broken(const std::string &what) {
  std::fprintf(stderr, "flowshape fuzz: %s\n", what.c_str());
  std::abort();
}

std::string compileCommands(const std::string &data) {
  try {
    for (const CompileCommand &command : parseCompileCommands("/fuzz/compile_commands.json", data))
      if (command.arguments.empty() || command.file.empty() || command.directory.empty())
        broken("a compile command without arguments, file or directory");
  } catch (const InputError &error) {
    return oneLine(error.what());
  }
  return {};
}

std::string config(const std::string &data) {
  try {
    std::shared_ptr<const Config> config = parseConfig("/fuzz/.flowshape.yaml", data);
    config->selects("/fuzz/src/a.cpp"); // the compiled include / exclude globs at work
    config->severityOf("sync-over-queue", Severity::Warning);
  } catch (const ConfigError &error) {
    return oneLine(error.what());
  }
  return {};
}

std::string catalog(const std::string &data) {
  try {
    Catalog catalog;
    catalog.load("fuzz-catalog.yaml", data);
  } catch (const CatalogError &error) {
    return oneLine(error.what());
  }
  return {};
}

std::string baseline(const std::string &data) {
  try {
    parseBaseline("/fuzz/baseline.sarif", data);
  } catch (const BaselineError &error) {
    return oneLine(error.what());
  }
  return {};
}

// A cache entry is never an error: a damaged one is ignored and rebuilt.
// What matters is that every reader says "damaged" instead of crashing.
std::string cacheEntry(const std::string &data) {
  SummaryCache::decodeEntry(data);
  try {
    functionFromBinary(data);
  } catch (const SummaryFormatError &) {
  }
  try {
    std::vector<std::string> keys;
    unitIndexFromBinary(data, keys);
  } catch (const SummaryFormatError &) {
  }
  nlohmann::json payload = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (payload.is_discarded())
    return {};
  std::string identity;
  if (payload.is_object())
    if (auto it = payload.find("identity"); it != payload.end() && it->is_string())
      identity = it->get<std::string>();
  SummaryCache::parseManifest(identity, data);
  try {
    summaryFromJson(payload);
  } catch (const SummaryFormatError &) {
  }
  return {};
}

std::string shards(const std::string &data) {
  try {
    parseSummaries({{"/fuzz/shard.json", data}});
  } catch (const InputError &error) {
    return oneLine(error.what());
  }
  return {};
}

// Suppression comments are never an error either: a malformed directive is
// a finding (unused-suppression) at its own line.
std::string suppressions(const std::string &data) {
  SuppressionScan scan = scanSuppressions("/fuzz/src.cpp", data);
  unsigned lines = 1 + static_cast<unsigned>(std::count(data.begin(), data.end(), '\n'));
  for (const SuppressionDirective &d : scan.directives) {
    if (d.loc.line == 0 || d.loc.line > lines || d.firstLine > d.lastLine + 1 || d.spelling.empty())
      broken("directive '" + d.spelling + "' at line " + std::to_string(d.loc.line) + " covers lines " +
             std::to_string(d.firstLine) + "-" + std::to_string(d.lastLine) + " of " + std::to_string(lines));
    suppresses(d, "sync-over-queue");
  }
  for (const auto &[loc, problem] : scan.problems)
    if (loc.line == 0 || loc.line > lines || problem.find('\n') != std::string::npos)
      broken("problem at line " + std::to_string(loc.line) + " of " + std::to_string(lines) + ": " + oneLine(problem));
  return {};
}

} // namespace

const std::vector<LoaderTarget> &loaderTargets() {
  static const std::vector<LoaderTarget> targets = {
      {"compile_commands", "/fuzz/compile_commands.json", compileCommands},
      {"config", "/fuzz/.flowshape.yaml", config},
      {"catalog", "fuzz-catalog.yaml", catalog},
      {"baseline", "/fuzz/baseline.sarif", baseline},
      {"cache_entry", "", cacheEntry},
      {"shards", "/fuzz/shard.json", shards},
      {"suppressions", "", suppressions},
  };
  return targets;
}

const LoaderTarget *findLoaderTarget(const std::string &name) {
  for (const LoaderTarget &target : loaderTargets())
    if (name == target.name)
      return &target;
  return nullptr;
}

std::string errorContractViolation(const LoaderTarget &target, const std::string &error) {
  if (error.empty())
    return {};
  if (error.find('\n') != std::string::npos || error.find('\r') != std::string::npos)
    return "the error is not one line";
  std::string file = std::string(target.fileName) + ":";
  bool namesFile = error.compare(0, file.size(), file) == 0;
  // Only a merge of several files has errors of no single file.
  bool mergeWide = std::string(target.name) == "shards" && error.compare(0, 7, "merge: ") == 0;
  if (!namesFile && !mergeWide)
    return "the error does not start with the file's name";
  return {};
}

int fuzzOne(const char *name, const uint8_t *data, size_t size) {
  static const LoaderTarget *target = findLoaderTarget(name);
  if (!target)
    std::abort();
  std::string error = target->load(std::string(reinterpret_cast<const char *>(data), size));
  if (std::string violation = errorContractViolation(*target, error); !violation.empty()) {
    std::fprintf(stderr, "flowshape fuzz %s: %s: %s\n", name, violation.c_str(), error.c_str());
    std::abort();
  }
  return 0;
}

} // namespace flowshape::fuzz
