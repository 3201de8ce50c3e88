#include "driver/Shards.h"

#include "driver/CompileCommands.h"
#include "summary/SummaryJson.h"
#include "support/JsonError.h"
#include "support/JsonText.h"
#include "support/OutputFile.h"

#include <nlohmann/json.hpp>

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <limits>
#include <map>

namespace flowshape {

using nlohmann::json;

namespace {

constexpr const char *kFormat = "flowshape-summaries";
constexpr int kFormatVersion = 2; // 2: "configuration"

std::string shardText(unsigned index, unsigned count) { return std::to_string(index) + "/" + std::to_string(count); }

} // namespace

ShardSpec parseShard(const std::string &text) {
  auto [k, n] = llvm::StringRef(text).split('/');
  ShardSpec shard;
  if (k.getAsInteger(10, shard.index) || n.getAsInteger(10, shard.count) || shard.count == 0 || shard.index == 0 ||
      shard.index > shard.count)
    throw InputError("--shard: expected K/N with 1 <= K <= N (e.g. 2/4), not '" + text + "'");
  return shard;
}

void writeSummariesFile(const std::string &path, const ExtractedUnits &units, const ShardSpec &shard) {
  json root = json::object();
  root["format"] = kFormat;
  root["version"] = kFormatVersion;
  root["tool"] = FLOWSHAPE_VERSION;
  root["root"] = units.root;
  root["shard"] = {{"index", shard.index}, {"count", shard.count}};
  root["configuration"] = units.configuration;
  root["files"] = units.files;
  json list = json::array();
  for (const TranslationUnitSummary &unit : units.units)
    list.push_back(summaryToJson(unit));
  root["units"] = std::move(list);
  json failures = json::array();
  for (const TranslationUnitFailure &failure : units.failures)
    failures.push_back({{"file", failure.file}, {"errors", failure.errors}, {"partial", failure.partial}});
  root["failures"] = std::move(failures);

  std::string error = writeOutputFile(path, [&](llvm::raw_ostream &os) { os << jsonText(root) << "\n"; });
  if (!error.empty())
    throw InputError(error);
}

ExtractedUnits readSummariesFiles(const std::vector<std::string> &paths) {
  if (paths.empty())
    throw InputError("merge: no summaries files given (write them with --shard K/N --summaries-out FILE)");
  std::vector<SummariesText> files;
  for (const std::string &path : paths) {
    auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
    if (!buffer)
      throw InputError(path + ": cannot read summaries: " + buffer.getError().message());
    files.push_back({path, (*buffer)->getBuffer().str()});
  }
  return parseSummaries(files);
}

namespace {

// Reads the fields of one summaries file, each checked for its type: a
// wrong one is an InputError naming the file and the field.
class ShardFileReader {
public:
  ShardFileReader(const std::string &path, const json &root) : path_(path), root_(root) {}

  const json &at(const json &object, const char *key) const {
    auto it = object.find(key);
    if (it == object.end())
      fail(std::string("missing \"") + key + "\"");
    return *it;
  }
  std::string string(const json &object, const char *key) const {
    const json &value = at(object, key);
    if (!value.is_string())
      fail(std::string("\"") + key + "\" is not a string");
    return value.get<std::string>();
  }
  unsigned number(const json &object, const char *key) const {
    const json &value = at(object, key);
    if (!value.is_number_unsigned() || value.get<uint64_t>() > std::numeric_limits<unsigned>::max())
      fail(std::string("\"") + key + "\" is not a non-negative integer");
    return static_cast<unsigned>(value.get<uint64_t>());
  }
  const json &array(const json &object, const char *key) const {
    const json &value = at(object, key);
    if (!value.is_array())
      fail(std::string("\"") + key + "\" is not an array");
    return value;
  }
  std::vector<std::string> strings(const json &object, const char *key) const {
    std::vector<std::string> out;
    for (const json &item : array(object, key)) {
      if (!item.is_string())
        fail(std::string("\"") + key + "\" holds something that is not a string");
      out.push_back(item.get<std::string>());
    }
    return out;
  }
  [[noreturn]] void fail(const std::string &what) const {
    throw InputError(path_ + ": malformed summaries file: " + what);
  }

private:
  const std::string &path_;
  const json &root_;
};

// "1/4, 3/4" — at most a few, then how many more.
std::string missingShards(const std::map<unsigned, std::string> &seen, unsigned count) {
  std::string out;
  unsigned listed = 0, more = 0;
  for (unsigned k = 1; k <= count; ++k) {
    if (seen.count(k))
      continue;
    if (listed < 8) {
      out += (out.empty() ? "" : ", ") + shardText(k, count);
      ++listed;
    } else {
      more = count - k + 1 - static_cast<unsigned>(std::distance(seen.lower_bound(k), seen.end()));
      break;
    }
  }
  if (more)
    out += " and " + std::to_string(more) + " more";
  return out;
}

} // namespace

ExtractedUnits parseSummaries(const std::vector<SummariesText> &files) {
  if (files.empty())
    throw InputError("merge: no summaries files given (write them with --shard K/N --summaries-out FILE)");
  ExtractedUnits out;
  unsigned count = 0;
  std::map<unsigned, std::string> seen; // shard index -> file
  const std::string &first = files.front().path;
  for (const auto &[path, content] : files) {
    json root;
    try {
      root = json::parse(content);
    } catch (const json::parse_error &e) {
      throw InputError(jsonErrorLocation(path, content, e.byte) + ": malformed summaries file: " +
                       jsonParseProblem(e));
    }
    ShardFileReader read(path, root);
    auto format = root.is_object() ? root.find("format") : root.end();
    if (!root.is_object() || format == root.end() || *format != kFormat)
      throw InputError(path + ": not a flowshape summaries file (write one with --summaries-out)");
    const json &version = read.at(root, "version");
    const json &tool = read.at(root, "tool");
    if (version != kFormatVersion || tool != FLOWSHAPE_VERSION)
      throw InputError(path + ": written by flowshape " + (tool.is_string() ? tool.get<std::string>() : "?") +
                       " (summaries format " + (version.is_number() ? version.dump() : "?") +
                       "); merge shards with the flowshape that wrote them (" FLOWSHAPE_VERSION ")");
    std::string fileRoot = read.string(root, "root");
    std::string configuration = read.string(root, "configuration");
    const json &shard = read.at(root, "shard");
    if (!shard.is_object())
      read.fail("\"shard\" is not an object");
    unsigned index = read.number(shard, "index");
    unsigned fileCount = read.number(shard, "count");
    if (&path == &first) {
      out.root = fileRoot;
      out.configuration = configuration;
      count = fileCount;
    } else if (configuration != out.configuration) {
      // Shards extracted under other catalogs or configs hold other facts:
      // linked together, flows would silently go missing.
      throw InputError(path + ": written under another configuration (.flowshape.yaml, catalogs or project "
                              "filter) than " + first + ": run every shard with the same configuration");
    } else if (fileRoot != out.root) {
      throw InputError(path + ": shard of the project at '" + fileRoot + "', not '" + out.root + "' like " + first);
    } else if (fileCount != count) {
      throw InputError(path + ": shard " + shardText(index, fileCount) + " does not belong to a run of " +
                       std::to_string(count) + " shards like " + first);
    }
    if (index == 0 || index > fileCount)
      throw InputError(path + ": invalid shard " + shardText(index, fileCount));
    if (auto [it, inserted] = seen.emplace(index, path); !inserted)
      throw InputError(path + ": shard " + shardText(index, count) + " is also given as " + it->second);
    out.files += read.number(root, "files");
    const json &units = read.array(root, "units");
    for (size_t i = 0; i < units.size(); ++i) {
      try {
        out.units.push_back(summaryFromJson(units[i]));
      } catch (const SummaryFormatError &e) {
        read.fail("units/" + std::to_string(i) + ": " + e.what());
      }
    }
    for (const json &failure : read.array(root, "failures")) {
      if (!failure.is_object())
        read.fail("\"failures\" holds something that is not an object");
      auto partial = failure.find("partial");
      out.failures.push_back({read.string(failure, "file"), read.strings(failure, "errors"),
                              partial != failure.end() && partial->is_boolean() && partial->get<bool>()});
    }
  }
  if (std::string missing = missingShards(seen, count); !missing.empty())
    throw InputError("merge: missing shard " + missing + " (give the summaries file of every shard)");
  return out;
}

} // namespace flowshape
