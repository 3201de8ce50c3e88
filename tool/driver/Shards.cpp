#include "driver/Shards.h"

#include "driver/CompileCommands.h"
#include "summary/SummaryJson.h"
#include "support/JsonText.h"
#include "support/OutputFile.h"

#include <nlohmann/json.hpp>

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

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
    failures.push_back({{"file", failure.file}, {"errors", failure.errors}});
  root["failures"] = std::move(failures);

  std::string error = writeOutputFile(path, [&](llvm::raw_ostream &os) { os << jsonText(root) << "\n"; });
  if (!error.empty())
    throw InputError(error);
}

ExtractedUnits readSummariesFiles(const std::vector<std::string> &paths) {
  if (paths.empty())
    throw InputError("merge: no summaries files given (write them with --shard K/N --summaries-out FILE)");
  ExtractedUnits out;
  unsigned count = 0;
  std::map<unsigned, std::string> seen; // shard index -> file
  for (const std::string &path : paths) {
    auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
    if (!buffer)
      throw InputError(path + ": cannot read summaries: " + buffer.getError().message());
    json root;
    try {
      root = json::parse((*buffer)->getBuffer().begin(), (*buffer)->getBuffer().end());
    } catch (const json::parse_error &e) {
      throw InputError(path + ": malformed summaries file (byte " + std::to_string(e.byte) + "): not JSON");
    }
    try {
      if (!root.is_object() || root.value("format", "") != kFormat)
        throw InputError(path + ": not a flowshape summaries file (write one with --summaries-out)");
      if (root.at("version").get<int>() != kFormatVersion || root.at("tool").get<std::string>() != FLOWSHAPE_VERSION)
        throw InputError(path + ": written by flowshape " + jsonText(root.at("tool")) +
                         "; merge shards with the flowshape that wrote them (" FLOWSHAPE_VERSION ")");
      std::string fileRoot = root.at("root").get<std::string>();
      std::string configuration = root.at("configuration").get<std::string>();
      unsigned index = root.at("shard").at("index").get<unsigned>();
      unsigned fileCount = root.at("shard").at("count").get<unsigned>();
      if (out.root.empty()) {
        out.root = fileRoot;
        out.configuration = configuration;
        count = fileCount;
      } else if (configuration != out.configuration) {
        // Shards extracted under other catalogs or configs hold other
        // facts: linked together, flows would silently go missing.
        throw InputError(path + ": written under another configuration (.flowshape.yaml, catalogs or project "
                         "filter) than " + paths.front() + ": run every shard with the same configuration");
      } else if (fileRoot != out.root) {
        throw InputError(path + ": shard of the project at '" + fileRoot + "', not '" + out.root + "' like " +
                         paths.front());
      } else if (fileCount != count) {
        throw InputError(path + ": shard " + shardText(index, fileCount) + " does not belong to a run of " +
                         std::to_string(count) + " shards like " + paths.front());
      }
      if (index == 0 || index > fileCount)
        throw InputError(path + ": invalid shard " + shardText(index, fileCount));
      if (auto [it, inserted] = seen.emplace(index, path); !inserted)
        throw InputError(path + ": shard " + shardText(index, count) + " is also given as " + it->second);
      out.files += root.at("files").get<size_t>();
      for (const json &unit : root.at("units"))
        out.units.push_back(summaryFromJson(unit));
      for (const json &failure : root.at("failures"))
        out.failures.push_back(
            {failure.at("file").get<std::string>(), failure.at("errors").get<std::vector<std::string>>()});
    } catch (const InputError &) {
      throw;
    } catch (const std::exception &e) { // nlohmann type/range errors, SummaryFormatError
      throw InputError(path + ": malformed summaries file: " + e.what());
    }
  }
  std::string missing;
  for (unsigned k = 1; k <= count; ++k)
    if (!seen.count(k))
      missing += (missing.empty() ? "" : ", ") + shardText(k, count);
  if (!missing.empty())
    throw InputError("merge: missing shard " + missing + " (give the summaries file of every shard)");
  return out;
}

} // namespace flowshape
