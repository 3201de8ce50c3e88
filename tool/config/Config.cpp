#include "flowshape/Config.h"
#include "flowshape/Hash.h"
#include "flowshape/Project.h"
#include "flowshape/Rule.h"

#include "catalog/CatalogYaml.h"
#include "config/ConfigSchema.h"
#include "config/PathGlob.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <set>

namespace {

struct RuleLevels {
  std::map<std::string, std::string> levels;
};

struct WordLists {
  std::optional<std::vector<std::string>> commandWords;
  std::optional<std::vector<std::string>> queryWords;
  std::optional<std::vector<std::string>> factWords;
};

struct ConfigFile {
  RuleLevels rules;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::string headerFilter;
  std::optional<bool> requireJustification;
  std::vector<flowshape::ApiEntry> apis;
  std::optional<WordLists> eventNames;
  std::set<std::string> nullKeys; // keys given without a value ("rules:"): nothing to read
};

// Stands in for a key without a value: YAML I/O reads a null as an empty
// plain mapping, but not as a rule map or a scalar.
struct NoValue {};

} // namespace

namespace llvm {
namespace yaml {

template <> struct CustomMappingTraits<RuleLevels> {
  static void inputOne(IO &io, StringRef key, RuleLevels &rules) {
    std::string &level = rules.levels[key.str()];
    io.mapRequired(key.str().c_str(), level);
    if (!flowshape::findRule(key.str())) {
      std::string known;
      for (const auto &rule : flowshape::allRules())
        known += std::string(known.empty() ? "" : ", ") + rule->id();
      io.setError("unknown rule '" + key + "' (known: " + known + ")");
      return;
    }
    if (level != "off" && !flowshape::parseSeverity(level))
      io.setError("rule '" + key + "': level must be off, note, warning or error, not '" + level + "'");
  }
  static void output(IO &io, RuleLevels &rules) {
    for (auto &[key, level] : rules.levels)
      io.mapRequired(key.c_str(), level);
  }
};

template <> struct MappingTraits<WordLists> {
  static void mapping(IO &io, WordLists &w) {
    io.mapOptional("command-words", w.commandWords);
    io.mapOptional("query-words", w.queryWords);
    io.mapOptional("fact-words", w.factWords);
  }
};

template <> struct MappingTraits<NoValue> {
  static void mapping(IO &, NoValue &) {}
};

template <> struct MappingTraits<ConfigFile> {
  static void mapping(IO &io, ConfigFile &c) {
    auto map = [&](const char *key, auto &value) {
      NoValue none;
      if (c.nullKeys.count(key))
        io.mapOptional(key, none);
      else
        io.mapOptional(key, value);
    };
    map("rules", c.rules);
    map("include", c.include);
    map("exclude", c.exclude);
    map("header-filter", c.headerFilter);
    map("require-justification", c.requireJustification);
    map("apis", c.apis);
    map("event-names", c.eventNames);
  }
  static std::string validate(IO &, ConfigFile &c) {
    for (const auto *list : {&c.include, &c.exclude})
      for (const auto &glob : *list)
        if (auto error = flowshape::checkPathGlob(glob); !error.empty())
          return error;
    if (!c.headerFilter.empty())
      return flowshape::checkRegex(c.headerFilter);
    return {};
  }
};

} // namespace yaml
} // namespace llvm

namespace flowshape {

const EventNameWords &EventNameWords::defaults() {
  static const EventNameWords words = [] {
    EventNameWords w;
    w.commandWords = {"activate", "allocate",  "apply",    "approve",   "archive",  "assign",   "authorize", "book",
                      "calculate", "cancel",   "capture",  "charge",    "check",    "close",    "compute",   "confirm",
                      "create",   "deactivate", "debit",   "delete",    "deliver",  "deposit",  "disable",   "dispatch",
                      "do",       "enable",    "execute",  "export",    "generate", "import",   "invoke",    "issue",
                      "lock",     "notify",    "open",     "pay",       "perform",  "place",    "process",   "refresh",
                      "refund",   "register",  "reindex",  "reject",    "remove",   "request",  "resend",    "reserve",
                      "reset",    "restore",   "retry",    "run",       "save",     "schedule", "send",      "set",
                      "ship",     "start",     "stop",     "submit",    "sync",     "transfer", "trigger",   "unlock",
                      "update",   "validate",  "verify",   "withdraw"};
    w.queryWords = {"count", "fetch", "find", "get", "list", "load", "lookup", "query", "read", "retrieve", "search"};
    w.factWords = {"ack",     "acks",     "built",   "done",      "event",   "events",   "given",    "held",
                   "lost",    "made",     "paid",    "reply",     "replies", "response", "responses", "result",
                   "results", "sent",     "sold",    "spent",     "taken",   "won",      "written",  "notification",
                   "notifications"};
    return w;
  }();
  return words;
}

std::optional<Severity> Config::severityOf(const std::string &id, Severity defaultSeverity) const {
  auto it = rules.find(id);
  if (it == rules.end())
    return defaultSeverity;
  if (it->second == "off")
    return std::nullopt;
  return parseSeverity(it->second).value_or(defaultSeverity);
}

bool Config::selects(const std::string &path) const {
  std::string rel = path;
  if (!directory.empty() && path.compare(0, directory.size() + 1, directory + "/") == 0)
    rel = path.substr(directory.size() + 1);
  else if (!directory.empty())
    return !includeGlobs || includeGlobs->empty(); // outside this config's directory: no glob applies
  if (includeGlobs && !includeGlobs->empty() && !includeGlobs->matches(rel))
    return false;
  return !excludeGlobs || !excludeGlobs->matches(rel);
}

std::shared_ptr<const Config> parseConfig(const std::string &path, const std::string &content) {
  auto buffer = llvm::MemoryBuffer::getMemBuffer(content, path, /*RequiresNullTerminator=*/false);
  YamlContext context{buffer->getBufferStart(), path};
  YamlDiagnostic diag;
  ConfigFile file;
  // An empty file is a valid config that changes nothing.
  if (llvm::StringRef(content).trim().empty() == false) {
    file.nullKeys = checkConfigSchema(path, content);
    llvm::yaml::Input input(buffer->getMemBufferRef(), &context, YamlDiagnostic::handler, &diag);
    input >> file;
    if (input.error()) {
      // The schema check passed: what is left is inside an `apis` entry.
      std::string message = diag.message.empty() ? path + ": apis: malformed entry" : diag.message;
      if (size_t at = message.find(": ", path.size()); at != std::string::npos && !diag.message.empty())
        message.insert(at + 2, "apis: ");
      if (llvm::StringRef(message).ends_with("unknown enumerated scalar"))
        message.replace(message.size() - 25, 25, "not a known role (see docs/catalog.md)");
      throw ConfigError(message);
    }
  }
  auto config = std::make_shared<Config>();
  config->file = path;
  config->directory = std::string(llvm::sys::path::parent_path(path));
  config->rules = file.rules.levels;
  config->include = file.include;
  config->exclude = file.exclude;
  config->headerFilter = file.headerFilter;
  config->requireJustification = file.requireJustification.value_or(false);
  try {
    config->includeGlobs = std::make_shared<PathGlobList>(file.include);
    config->excludeGlobs = std::make_shared<PathGlobList>(file.exclude);
  } catch (const std::invalid_argument &error) {
    throw ConfigError(path + ": " + error.what()); // checked above with its line; kept for safety
  }
  if (!file.apis.empty()) {
    config->apis = std::make_shared<Catalog>();
    for (auto &entry : file.apis) {
      entry.library = "config:" + std::string(llvm::sys::path::filename(path));
      config->apis->add(std::make_shared<ApiEntry>(std::move(entry)));
    }
  }
  if (file.eventNames) {
    if (file.eventNames->commandWords)
      config->words.commandWords = *file.eventNames->commandWords;
    if (file.eventNames->queryWords)
      config->words.queryWords = *file.eventNames->queryWords;
    if (file.eventNames->factWords)
      config->words.factWords = *file.eventNames->factWords;
  }
  config->digest = sha256Hex(path + "\n" + content);
  return config;
}

std::shared_ptr<const Config> loadConfig(const std::string &path) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    throw ConfigError(path + ": cannot read config: " + buffer.getError().message());
  return parseConfig(path, (*buffer)->getBuffer().str());
}

const std::shared_ptr<const Config> &defaultConfig() {
  static const std::shared_ptr<const Config> config = std::make_shared<Config>();
  return config;
}

ConfigResolver::ConfigResolver(std::string explicitFile) {
  if (!explicitFile.empty())
    explicit_ = loadConfig(normalizePath(explicitFile));
}

std::shared_ptr<const Config> ConfigResolver::forFile(const std::string &path) {
  if (explicit_)
    return explicit_;
  std::lock_guard<std::mutex> lock(mutex_);
  return forDirectory(std::string(llvm::sys::path::parent_path(path)));
}

std::shared_ptr<const Config> ConfigResolver::forDirectory(const std::string &dir) {
  auto it = byDirectory_.find(dir);
  if (it != byDirectory_.end())
    return it->second;
  std::shared_ptr<const Config> config;
  llvm::SmallString<256> candidate(dir);
  llvm::sys::path::append(candidate, ".flowshape.yaml");
  if (!dir.empty() && llvm::sys::fs::exists(candidate))
    config = loadConfig(std::string(candidate.str()));
  else {
    std::string parent(llvm::sys::path::parent_path(dir));
    config = parent.empty() || parent == dir ? defaultConfig() : forDirectory(parent);
  }
  byDirectory_[dir] = config;
  return config;
}

} // namespace flowshape
