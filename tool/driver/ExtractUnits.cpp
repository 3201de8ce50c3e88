// Extraction of every selected translation unit, in parallel, each from the
// summary cache when nothing it depends on has changed.
#include "driver/Analysis.h"

#include "cache/SummaryCache.h"
#include "config/PathGlob.h"
#include "flowshape/Hash.h"

#include "llvm/Support/ThreadPool.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <tuple>

namespace flowshape {

namespace {

// An include glob that matches none of the database's files is a typo or a
// stale path: the files it meant are silently not analysed.
std::vector<std::string> selectionWarnings(const std::vector<CompileCommand> &commands, ConfigResolver &configs) {
  std::map<std::string, std::pair<std::shared_ptr<const Config>, std::vector<std::string>>> byConfig;
  for (const CompileCommand &command : commands) {
    auto config = configs.forFile(command.file);
    if (config->include.empty() || config->directory.empty())
      continue;
    auto &entry = byConfig[config->file];
    entry.first = config;
    if (command.file.compare(0, config->directory.size() + 1, config->directory + "/") == 0)
      entry.second.push_back(command.file.substr(config->directory.size() + 1));
  }
  std::vector<std::string> out;
  for (const auto &[file, entry] : byConfig)
    for (const std::string &pattern : entry.first->include) {
      std::string error;
      std::unique_ptr<PathGlob> glob = PathGlob::create(pattern, error);
      if (!glob)
        continue; // the config loader reports bad patterns
      if (std::none_of(entry.second.begin(), entry.second.end(),
                       [&](const std::string &relative) { return glob->matches(relative); }))
        out.push_back(file + ": include '" + pattern + "' matches no file of the compilation database");
    }
  return out;
}

// Functions of cached units come from entries the units share: an inline
// function of a header is in every unit that includes it. For the link each
// is placed once, in the first unit in the link's order (Program: by main
// file; cached units are never partial), which holds the copy the link
// would keep of it anyway, so the report is the same and the run does not
// copy it again and again. A shard file (--summaries-out) gets every unit
// whole, as extracted.
void placeCachedFunctions(SummaryCache &cache, std::vector<ExtractionResult> &results,
                          const std::vector<std::vector<std::string>> &functionKeys, bool wholeUnits) {
  std::vector<size_t> order;
  for (size_t i = 0; i < results.size(); ++i)
    if (!functionKeys[i].empty())
      order.push_back(i);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::tie(results[a].summary.mainFile, a) < std::tie(results[b].summary.mainFile, b);
  });
  std::set<llvm::StringRef> placed;
  for (size_t i : order) {
    std::vector<FunctionSummary> &functions = results[i].summary.functions;
    for (const std::string &key : functionKeys[i]) {
      if (wholeUnits)
        functions.push_back(cache.copyFunction(key));
      else if (placed.insert(key).second)
        functions.push_back(cache.takeFunction(key));
    }
  }
}

} // namespace

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
  std::vector<std::string> warnings = selectionWarnings(request.commands, configs);
  if (commands.empty() && !request.commands.empty() && request.shardCount <= 1)
    warnings.push_back("no translation unit selected (see include and exclude in .flowshape.yaml): nothing analysed");
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
  std::vector<std::vector<std::string>> functionKeys(commands.size()); // of cached units
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
        if (std::optional<CachedUnit> hit = cache->lookup(identity, functionKeys[i])) {
          results[i].file = commands[i].file;
          results[i].ok = !hit->failure;
          results[i].summary = std::move(hit->summary);
          if (hit->failure) {
            results[i].errors = std::move(hit->failure->errors);
            results[i].partial = hit->failure->partial;
          }
          cached[i] = 1;
          return;
        }
      }
      ExtractorInput input;
      input.catalog = &Catalog::builtin();
      input.extraCatalog = config.apis.get();
      input.project = &project;
      results[i] = workers ? workers->extract(commands[i]) : extractTranslationUnit(commands[i], input);
      // A failure is kept with the paths the compiler did not find: a
      // missing header that appears later is one of them. Failures of a
      // worker (a crash, the time or memory limit) are not kept.
      if (cache && results[i].ok) {
        cache->store(identity, results[i].summary);
      } else if (cache && results[i].cacheable) {
        UnitFailure failure{results[i].errors, results[i].partial, results[i].absent};
        cache->store(identity, results[i].summary, &failure);
      }
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

  if (cache)
    placeCachedFunctions(*cache, results, functionKeys, request.wholeUnits); // keys: of cached units only

  AnalysisStats local;
  for (size_t i = 0; i < results.size(); ++i) {
    if (cached[i]) {
      ++local.fromCache;
    } else {
      ++local.parsed;
      local.parsedFiles.push_back(results[i].file);
    }
    if (!results[i].ok) {
      out.failures.push_back({results[i].file, results[i].errors, results[i].partial});
      if (!results[i].partial)
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
  local.warnings = std::move(warnings);
  if (stats)
    *stats = std::move(local);
  return out;
}

} // namespace flowshape
