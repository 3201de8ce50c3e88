// .flowshape.yaml: found by walking up from each analysed file (as
// .clang-tidy is), or given with --config. Documented in docs/config.md.
#pragma once

#include "flowshape/Catalog.h"
#include "flowshape/Severity.h"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace flowshape {

class PathGlobList;

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Word lists that tell an event (a fact: order.placed) from a command or a
// query (inventory.check, GetPrice). See rules/docs/command-named-event.md.
struct EventNameWords {
  std::vector<std::string> commandWords;
  std::vector<std::string> queryWords;
  std::vector<std::string> factWords; // words that make a name a fact whatever else it holds
  static const EventNameWords &defaults();
};

struct Config {
  std::string file;      // absolute path of the file it came from; empty for defaults
  std::string directory; // its directory: globs are relative to it
  std::map<std::string, std::string> rules; // rule id -> off | note | warning | error
  std::vector<std::string> include;         // globs; empty = everything
  std::vector<std::string> exclude;
  std::string headerFilter;                 // regex on root-relative paths of headers
  bool requireJustification = false;        // suppressions must give a reason
  std::shared_ptr<const PathGlobList> includeGlobs; // compiled include / exclude (.gitignore style)
  std::shared_ptr<const PathGlobList> excludeGlobs;
  std::shared_ptr<Catalog> apis;            // the user's own catalog entries
  EventNameWords words = EventNameWords::defaults();
  std::string digest;                       // content hash, for cache keys

  // The severity of a rule under this config: its default unless the
  // config sets one; nothing when the rule is off.
  std::optional<Severity> severityOf(const std::string &id, Severity defaultSeverity) const;
  // Should `path` (absolute) be analysed at all, per include/exclude?
  bool selects(const std::string &path) const;
};

// Parses a config file. Throws ConfigError("file:line:col: message").
std::shared_ptr<const Config> loadConfig(const std::string &path);
std::shared_ptr<const Config> parseConfig(const std::string &path, const std::string &content);
const std::shared_ptr<const Config> &defaultConfig();

// Finds the config for each file, caching per directory. With an explicit
// file, that one applies everywhere.
class ConfigResolver {
public:
  explicit ConfigResolver(std::string explicitFile = {});
  std::shared_ptr<const Config> forFile(const std::string &path); // throws ConfigError

private:
  std::shared_ptr<const Config> forDirectory(const std::string &dir);
  std::shared_ptr<const Config> explicit_;
  std::map<std::string, std::shared_ptr<const Config>> byDirectory_;
  std::mutex mutex_;
};

} // namespace flowshape
