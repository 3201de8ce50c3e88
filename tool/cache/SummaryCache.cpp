#include "cache/SummaryCache.h"

#include "flowshape/Hash.h"
#include "summary/SummaryBinary.h"
#include "summary/SummaryJson.h"
#include "support/JsonText.h"

#include <nlohmann/json.hpp>

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/raw_ostream.h"

#include <set>

namespace flowshape {

using nlohmann::json;

namespace {

constexpr int kCacheLayoutVersion = SummaryCache::kLayoutVersion;
constexpr const char *kEntryMagic = "flowshape-cache";

// BLAKE3 rather than SHA-256: a warm run hashes every source and header a
// unit read and every entry it loads, and BLAKE3 does it several times faster.
std::string hashBytes(llvm::StringRef bytes) {
  return llvm::toHex(llvm::BLAKE3::hash(llvm::arrayRefFromStringRef(bytes)), /*LowerCase=*/true);
}

// The tool itself: its version, the Clang it parses with, the summary
// format, and the bytes of the running executable, so that a rebuilt
// flowshape never trusts what an older build extracted.
const std::string &toolFingerprint() {
  static const std::string fingerprint = [] {
    std::string basis = std::string("flowshape ") + FLOWSHAPE_VERSION + " clang " + CLANG_VERSION_STRING_FOR_FLOWSHAPE +
                        " summary " + std::to_string(kSummaryFormatVersion) + " cache " +
                        std::to_string(kCacheLayoutVersion);
    static int anchor;
    std::string exe = llvm::sys::fs::getMainExecutable(nullptr, &anchor);
    if (auto buffer = llvm::MemoryBuffer::getFile(exe, /*IsText=*/false, /*RequiresNullTerminator=*/false))
      basis += " exe " + hashBytes((*buffer)->getBuffer());
    return sha256Hex(basis);
  }();
  return fingerprint;
}

} // namespace

std::string FileHasher::hash(const std::string &path) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = hashes_.find(path);
    if (it != hashes_.end())
      return it->second;
  }
  std::string digest;
  if (auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false))
    digest = hashBytes((*buffer)->getBuffer());
  std::lock_guard<std::mutex> lock(mutex_);
  return hashes_.emplace(path, digest).first->second;
}

std::string extractionIdentity(const std::string &mainFile, const std::string &directory,
                               const std::vector<std::string> &adjustedArguments, const std::string &catalogDigest,
                               const std::string &configDigest, const std::string &projectDigest) {
  std::string basis = toolFingerprint() + "\n" + mainFile + "\n" + directory + "\n";
  for (const std::string &arg : adjustedArguments)
    basis += arg + '\0';
  basis += "\n" + catalogDigest + "\n" + configDigest + "\n" + projectDigest;
  return sha256Hex(basis);
}

SummaryCache::SummaryCache(std::string dir) : dir_(std::move(dir)) {}

std::string SummaryCache::manifestPath(const std::string &identity) const {
  return dir_ + "/v" + std::to_string(kCacheLayoutVersion) + "/manifests/" + identity.substr(0, 2) + "/" + identity +
         ".json";
}

std::string SummaryCache::summaryPath(const std::string &key) const {
  return dir_ + "/v" + std::to_string(kCacheLayoutVersion) + "/summaries/" + key.substr(0, 2) + "/" + key + ".bin";
}

std::string SummaryCache::functionPath(const std::string &key) const {
  return dir_ + "/v" + std::to_string(kCacheLayoutVersion) + "/functions/" + key.substr(0, 2) + "/" + key + ".bin";
}

std::string SummaryCache::contentKey(const std::string &identity, const std::vector<Dependency> &files,
                                     const UnitFailure *failure) {
  std::string basis = identity + "\n";
  for (const Dependency &d : files)
    basis += d.path + '\0' + d.hash + "\n";
  if (failure) {
    basis += failure->partial ? "failed, partial\n" : "failed\n";
    for (const std::string &path : failure->absent)
      basis += path + "\n";
  }
  return sha256Hex(basis);
}

bool SummaryCache::stillAbsent(const std::string &path) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = absent_.find(path); it != absent_.end())
      return it->second;
  }
  bool absent = !llvm::sys::fs::exists(path);
  std::lock_guard<std::mutex> lock(mutex_);
  return absent_.emplace(path, absent).first->second;
}

// An entry is one header line, "flowshape-cache <layout> <BLAKE3 of the
// payload> <payload size>", then the payload.
std::optional<std::string> SummaryCache::decodeEntry(llvm::StringRef text) {
  auto [header, payload] = text.split('\n');
  llvm::SmallVector<llvm::StringRef, 4> fields;
  header.split(fields, ' ');
  size_t size = 0;
  if (fields.size() != 4 || fields[0] != kEntryMagic || fields[1] != std::to_string(kCacheLayoutVersion) ||
      fields[3].getAsInteger(10, size) || size != payload.size() || hashBytes(payload) != fields[2])
    return std::nullopt;
  return payload.str();
}

std::optional<std::string> SummaryCache::readEntry(const std::string &path, bool countDamage) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!buffer) {
    // Absent is not damage; an entry that is there but cannot be read
    // (permissions, a directory in its place) is, and gets rebuilt.
    if (countDamage && buffer.getError() != std::errc::no_such_file_or_directory)
      noteDamaged();
    return std::nullopt;
  }
  std::optional<std::string> payload = decodeEntry((*buffer)->getBuffer());
  if (!payload && countDamage)
    noteDamaged();
  return payload;
}

bool SummaryCache::writeEntry(const std::string &path, const std::string &payload) {
  llvm::StringRef parent = llvm::sys::path::parent_path(path);
  if (std::error_code error = llvm::sys::fs::create_directories(parent)) {
    noteWriteError(parent.str() + ": cannot create cache directory: " + error.message());
    return false;
  }
  int fd = -1;
  llvm::SmallString<256> temp;
  if (std::error_code error = llvm::sys::fs::createUniqueFile(path + ".tmp-%%%%%%%%", fd, temp)) {
    noteWriteError(path + ": cannot write cache entry: " + error.message());
    return false;
  }
  {
    llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << kEntryMagic << ' ' << kCacheLayoutVersion << ' ' << hashBytes(payload) << ' ' << payload.size() << '\n'
       << payload;
    os.close();
    if (os.has_error()) {
      noteWriteError(path + ": cannot write cache entry: " + os.error().message());
      os.clear_error();
      llvm::sys::fs::remove(temp);
      return false;
    }
  }
  // rename() replaces atomically: readers see the old entry or the new one.
  if (std::error_code error = llvm::sys::fs::rename(temp, path)) {
    noteWriteError(path + ": cannot write cache entry: " + error.message());
    llvm::sys::fs::remove(temp);
    return false;
  }
  return true;
}

std::optional<std::vector<SummaryCache::Variant>> SummaryCache::parseManifest(const std::string &identity,
                                                                             const std::string &payload) {
  try {
    json manifest = json::parse(payload);
    if (manifest.at("identity").get<std::string>() != identity)
      return std::nullopt; // a manifest of another identity
    std::vector<Variant> variants;
    for (const json &v : manifest.at("variants")) {
      Variant variant;
      variant.key = v.at("key").get<std::string>();
      for (const json &f : v.at("files"))
        variant.files.push_back({f.at(0).get<std::string>(), f.at(1).get<std::string>()});
      if (auto f = v.find("failure"); f != v.end()) {
        UnitFailure failure;
        failure.errors = f->at("errors").get<std::vector<std::string>>();
        failure.partial = f->at("partial").get<bool>();
        failure.absent = f->at("absent").get<std::vector<std::string>>();
        variant.failure = std::move(failure);
      }
      if (variant.files.empty() ||
          contentKey(identity, variant.files, variant.failure ? &*variant.failure : nullptr) != variant.key)
        return std::nullopt; // a variant that does not match its key
      variants.push_back(std::move(variant));
    }
    return variants;
  } catch (const json::exception &) { // nlohmann's parse, type and range errors
    return std::nullopt;
  }
}

std::optional<std::vector<SummaryCache::Variant>> SummaryCache::readManifest(const std::string &identity,
                                                                            bool countDamage) {
  std::optional<std::string> payload = readEntry(manifestPath(identity), countDamage);
  if (!payload)
    return std::nullopt;
  std::optional<std::vector<Variant>> variants = parseManifest(identity, *payload);
  if (!variants && countDamage)
    noteDamaged();
  return variants;
}

std::optional<CachedUnit> SummaryCache::lookup(const std::string &identity, std::vector<std::string> &functionKeys) {
  std::optional<std::vector<Variant>> variants = readManifest(identity, /*countDamage=*/true);
  if (!variants)
    return std::nullopt;
  for (const Variant &variant : *variants) {
    bool current = std::all_of(variant.files.begin(), variant.files.end(), [&](const Dependency &d) {
      std::string hash = hasher_.hash(d.path);
      return !hash.empty() && hash == d.hash;
    });
    if (current && variant.failure)
      current = std::all_of(variant.failure->absent.begin(), variant.failure->absent.end(),
                            [&](const std::string &path) { return stillAbsent(path); });
    if (!current)
      continue;
    std::optional<std::string> payload = readEntry(summaryPath(variant.key), /*countDamage=*/true);
    if (!payload)
      return std::nullopt;
    try {
      std::vector<std::string> keys;
      TranslationUnitSummary unit = unitIndexFromBinary(*payload, keys);
      for (const std::string &key : keys)
        if (!readFunction(key))
          return std::nullopt;
      functionKeys = std::move(keys);
      return CachedUnit{std::move(unit), variant.failure};
    } catch (const std::exception &) {
      noteDamaged();
      return std::nullopt;
    }
  }
  return std::nullopt;
}

bool SummaryCache::readFunction(const std::string &key) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = functions_.find(key); it != functions_.end())
      return it->second != nullptr;
  }
  // Two threads may read one entry at once: rare, and both read the same.
  std::string path = functionPath(key);
  std::optional<std::string> payload = readEntry(path, /*countDamage=*/false);
  std::shared_ptr<FunctionSummary> fn;
  if (payload && hashBytes(*payload) == key) {
    try {
      fn = std::make_shared<FunctionSummary>(functionFromBinary(*payload));
    } catch (const std::exception &) {
    }
  }
  std::lock_guard<std::mutex> lock(mutex_);
  auto [it, inserted] = functions_.emplace(key, fn);
  if (!fn && inserted) {
    // Missing or damaged: the units that name it are extracted again, and
    // a store writes the entry afresh (it only writes entries that are absent).
    ++damaged_;
    llvm::sys::fs::remove(path);
  }
  return it->second != nullptr;
}

FunctionSummary SummaryCache::copyFunction(const std::string &key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return *functions_.at(key);
}

FunctionSummary SummaryCache::takeFunction(const std::string &key) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = functions_.find(key);
  FunctionSummary fn = std::move(*it->second);
  functions_.erase(it);
  return fn;
}

void SummaryCache::store(const std::string &identity, const TranslationUnitSummary &summary,
                         const UnitFailure *failure) {
  std::set<std::string> paths(summary.includes.begin(), summary.includes.end());
  paths.insert(summary.mainFile);
  Variant variant;
  for (const std::string &path : paths) {
    std::string hash = hasher_.hash(path);
    if (hash.empty())
      return; // a file that cannot be read again cannot validate the entry
    variant.files.push_back({path, hash});
  }
  if (failure)
    variant.failure = *failure;
  variant.key = contentKey(identity, variant.files, failure);
  // Functions first, so that a reader never meets an index naming a
  // function entry not yet written.
  std::vector<std::string> keys;
  keys.reserve(summary.functions.size());
  for (const FunctionSummary &fn : summary.functions) {
    std::string payload = functionToBinary(fn);
    keys.push_back(hashBytes(payload));
    std::string path = functionPath(keys.back());
    if (!llvm::sys::fs::exists(path) && !writeEntry(path, payload))
      return;
  }
  if (!writeEntry(summaryPath(variant.key), unitIndexToBinary(summary, keys)))
    return;

  std::mutex *lock = nullptr;
  {
    std::lock_guard<std::mutex> guard(mutex_);
    auto &slot = manifestLocks_[identity];
    if (!slot)
      slot = std::make_unique<std::mutex>();
    lock = slot.get();
  }
  std::lock_guard<std::mutex> guard(*lock);
  std::vector<Variant> variants{variant};
  if (std::optional<std::vector<Variant>> old = readManifest(identity, /*countDamage=*/false))
    for (Variant &v : *old)
      if (v.key != variant.key)
        variants.push_back(std::move(v));
  // Summaries of variants that fall out are unreachable: their keys hold
  // this identity, which no other manifest has.
  while (variants.size() > kVariants) {
    llvm::sys::fs::remove(summaryPath(variants.back().key));
    variants.pop_back();
  }
  json manifest = {{"identity", identity}, {"variants", json::array()}};
  for (const Variant &v : variants) {
    json files = json::array();
    for (const Dependency &d : v.files)
      files.push_back(json::array({d.path, d.hash}));
    json entry = {{"key", v.key}, {"files", std::move(files)}};
    if (v.failure)
      entry["failure"] = {{"errors", v.failure->errors}, {"partial", v.failure->partial}, {"absent", v.failure->absent}};
    manifest["variants"].push_back(std::move(entry));
  }
  writeEntry(manifestPath(identity), jsonText(manifest));
}

void SummaryCache::noteDamaged() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++damaged_;
}

void SummaryCache::noteWriteError(const std::string &message) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (writeError_.empty())
    writeError_ = message;
}

size_t SummaryCache::damaged() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return damaged_;
}

std::string SummaryCache::writeError() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return writeError_;
}

} // namespace flowshape
