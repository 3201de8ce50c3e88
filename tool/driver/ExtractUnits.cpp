// Extraction of every selected translation unit, in parallel, each from the
// summary cache when nothing it depends on has changed.
#include "driver/Analysis.h"

#include "cache/SummaryCache.h"
#include "flowshape/Hash.h"

#include "llvm/Support/ThreadPool.h"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <set>

namespace flowshape {

unsigned shardOf(const std::string &relativePath, unsigned count) {
  if (count <= 1)
    return 1;
  std::string digest = sha256Hex(relativePath);
  uint64_t value = std::stoull(digest.substr(0, 15), nullptr, 16);
  return static_cast<unsigned>(value % count) + 1;
}

ExtractedUnits extractUnits(const AnalysisRequest &request, AnalysisStats *stats) {
  ExtractedUnits out;
  out.root = normalizePath(request.root);
  ConfigResolver configs(request.configFile);
  auto rootConfig = configs.forFile(out.root + "/.");

  std::vector<std::string> excludes = ProjectFilter::defaultExcludes();
  for (const auto &glob : rootConfig->exclude)
    excludes.push_back(glob);
  ProjectFilter project(out.root, excludes);
  // What decides which code is the project's: part of every cache identity.
  std::string projectDigest = out.root + '\0' + rootConfig->headerFilter;
  for (const auto &glob : excludes)
    projectDigest += '\0' + glob;
  projectDigest = sha256Hex(projectDigest);

  // Translation units the configs select (and the shard holds), each with
  // the config of its file.
  std::vector<CompileCommand> commands;
  std::vector<std::shared_ptr<const Config>> commandConfigs;
  std::set<std::string> configDigests; // of every file, whichever shard holds it
  for (const CompileCommand &command : request.commands) {
    auto config = configs.forFile(command.file);
    configDigests.insert(config->file + '\0' + config->digest);
    if (!config->selects(command.file))
      continue;
    if (request.shardCount > 1 && shardOf(project.relative(command.file), request.shardCount) != request.shardIndex)
      continue;
    commands.push_back(command);
    commandConfigs.push_back(config);
  }
  out.files = commands.size();
  // header-filter applies to headers only: the translation units' own files stay.
  std::set<std::string> mainFiles;
  for (const CompileCommand &command : commands)
    mainFiles.insert(command.file);
  project.setHeaderFilter(rootConfig->headerFilter, mainFiles);

  std::unique_ptr<SummaryCache> cache;
  if (!request.cacheDir.empty())
    cache = std::make_unique<SummaryCache>(request.cacheDir);
  const std::string catalogDigest = Catalog::builtin().digest();
  std::string configuration = catalogDigest + '\0' + projectDigest;
  for (const std::string &digest : configDigests)
    configuration += '\0' + digest;
  out.configuration = sha256Hex(configuration);

  std::unique_ptr<ExtractionWorkers> workers;
  if (!request.workerExecutable.empty()) {
    WorkerSession session{out.root, request.configFile, excludes, rootConfig->headerFilter, mainFiles};
    workers = std::make_unique<ExtractionWorkers>(request.workerExecutable, session,
                                                  WorkerLimits{request.tuTimeoutSeconds, request.tuMemoryMB});
  }

  std::vector<ExtractionResult> results(commands.size());
  std::vector<char> cached(commands.size(), 0);
  {
    std::mutex progressMutex;
    size_t started = 0;
    auto work = [&](size_t i) {
      if (request.progress) {
        std::lock_guard<std::mutex> lock(progressMutex);
        request.progress(++started, commands.size(), commands[i].file);
      }
      const Config &config = *commandConfigs[i];
      std::string identity;
      if (cache) {
        identity = extractionIdentity(commands[i].file, commands[i].directory, adjustArguments(commands[i]),
                                      catalogDigest, config.apis ? config.digest : std::string(), projectDigest);
        if (std::optional<TranslationUnitSummary> summary = cache->lookup(identity)) {
          results[i].file = commands[i].file;
          results[i].ok = true;
          results[i].summary = std::move(*summary);
          cached[i] = 1;
          return;
        }
      }
      ExtractorInput input;
      input.catalog = &Catalog::builtin();
      input.extraCatalog = config.apis.get();
      input.project = &project;
      results[i] = workers ? workers->extract(commands[i]) : extractTranslationUnit(commands[i], input);
      // Failures are not cached: they are rare, and their messages should
      // reflect the current state of the file system.
      if (cache && results[i].ok)
        cache->store(identity, results[i].summary);
    };
    unsigned jobs = std::max(1u, request.jobs);
    if (jobs == 1 || commands.size() <= 1) {
      for (size_t i = 0; i < commands.size(); ++i)
        work(i);
    } else {
      llvm::DefaultThreadPool pool(llvm::hardware_concurrency(jobs));
      for (size_t i = 0; i < commands.size(); ++i)
        pool.async(work, i);
      pool.wait();
    }
  }

  AnalysisStats local;
  for (size_t i = 0; i < results.size(); ++i) {
    if (cached[i]) {
      ++local.fromCache;
    } else {
      ++local.parsed;
      local.parsedFiles.push_back(results[i].file);
    }
    if (!results[i].ok) {
      out.failures.push_back({results[i].file, results[i].errors});
      continue;
    }
    out.units.push_back(std::move(results[i].summary));
  }
  std::sort(local.parsedFiles.begin(), local.parsedFiles.end());
  std::sort(out.failures.begin(), out.failures.end(), [](const auto &a, const auto &b) { return a.file < b.file; });
  if (cache) {
    local.damaged = cache->damaged();
    local.cacheWarning = cache->writeError();
  }
  if (stats)
    *stats = std::move(local);
  return out;
}

} // namespace flowshape
