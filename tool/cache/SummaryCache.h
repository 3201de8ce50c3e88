// The summary cache: a translation unit is parsed again only when something
// its summary depends on has changed.
//
// A TU's *identity* is everything about its extraction except file
// contents: the main file, the compile arguments after adjustment, the
// catalogs and the config entries that affect extraction, the project
// filter and the tool's version. Per identity a *manifest* lists the files
// the last extractions read (the main file and every non-system header)
// with their content hashes. A manifest variant is valid when every listed
// file still has its hash; its summary is stored under a key made of the
// identity and those hashes (content-addressed), so a variant seen before
// (switching back to a branch) is found again.
//
// A unit's summary entry is an index: its facts, and for each function the
// key of a function entry, the hash of that function's summary. Both are
// binary (summary/SummaryBinary.h), read without building a JSON tree. An inline
// function of a header is in every unit that includes it (librdkafka: 24,000
// functions in its units' summaries, 3,900 distinct), so it is stored and,
// in each run, read once. Function entries are shared: evicting a variant
// leaves them in place.
//
// Every entry carries a checksum of its bytes: a truncated or damaged entry
// is detected, ignored and rebuilt. Writes go to a temporary file that is
// renamed into place, so concurrent runs never see half an entry.
#pragma once

#include "flowshape/Summary.h"

#include "llvm/ADT/StringRef.h"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace flowshape {

// Content hashes of files, each file read and hashed at most once per run.
class FileHasher {
public:
  // Lowercase hex BLAKE3 of the file's bytes; empty when it cannot be read.
  std::string hash(const std::string &path);

private:
  std::mutex mutex_;
  std::map<std::string, std::string> hashes_;
};

// A unit that failed to compile, as the cache keeps it: the errors the
// report shows, whether Clang recovered (the summary holds what parsed), and
// the paths the compiler did not find. The failure holds while the files it
// read keep their contents and those paths stay absent.
struct UnitFailure {
  std::vector<std::string> errors;
  bool partial = false;
  std::vector<std::string> absent;
};

struct CachedUnit {
  TranslationUnitSummary summary;
  std::optional<UnitFailure> failure; // set: the unit failed, and would again
};

class SummaryCache {
public:
  // `dir` is created on the first store.
  explicit SummaryCache(std::string dir);

  const std::string &directory() const { return dir_; }

  // The summary stored for `identity` whose files all still have the
  // recorded content; nothing when there is none or it is damaged. Its
  // functions come as keys, in order: their entries are read (each once per
  // run) and held until copyFunction or takeFunction hands them out. Units
  // share many functions (those of headers), so the caller can place each
  // function once instead of copying it. `functionKeys` is set only when a
  // summary is returned.
  std::optional<CachedUnit> lookup(const std::string &identity, std::vector<std::string> &functionKeys);
  FunctionSummary copyFunction(const std::string &key) const;
  FunctionSummary takeFunction(const std::string &key); // the last use of `key`
  // Records a fresh extraction (`failure`: of a unit that failed). Failures
  // to write are remembered (see writeError) and otherwise ignored: the
  // cache only saves time.
  void store(const std::string &identity, const TranslationUnitSummary &summary,
             const UnitFailure *failure = nullptr);

  // Entries found damaged during this run (they are rebuilt).
  size_t damaged() const;
  // The first error met writing the cache, if any.
  std::string writeError() const;

  // How many variants of one identity a manifest keeps.
  static constexpr size_t kVariants = 4;
  // The folder under the cache directory (v<N>) and the entries' header.
  // Bump when the layout of the folder or of its entries changes.
  // 2: one binary entry per function, shared by the units that define it.
  // 3: failed units are kept too (a manifest variant's "failure").
  static constexpr int kLayoutVersion = 3;

  struct Dependency {
    std::string path;
    std::string hash;
  };
  struct Variant {
    std::vector<Dependency> files;
    std::string key; // of the summary entry
    std::optional<UnitFailure> failure;
  };

  // Reading entries, without the file system (also for the fuzz targets):
  // the payload of an entry whose header and checksum hold; the variants of
  // a manifest payload of `identity`. Nothing when damaged, never a throw.
  static std::optional<std::string> decodeEntry(llvm::StringRef bytes);
  static std::optional<std::vector<Variant>> parseManifest(const std::string &identity, const std::string &payload);

private:
  std::string manifestPath(const std::string &identity) const;
  std::string summaryPath(const std::string &key) const;
  std::string functionPath(const std::string &key) const;
  // Reads the function entry `key`, at most once per run; false when it is
  // missing or damaged (counted once, and removed so that it is written again).
  bool readFunction(const std::string &key);
  std::optional<std::vector<Variant>> readManifest(const std::string &identity, bool countDamage);
  static std::string contentKey(const std::string &identity, const std::vector<Dependency> &files,
                                const UnitFailure *failure);
  bool stillAbsent(const std::string &path); // once per path and run
  bool writeEntry(const std::string &path, const std::string &payload);
  std::optional<std::string> readEntry(const std::string &path, bool countDamage); // verified payload
  void noteDamaged();
  void noteWriteError(const std::string &message);

  std::string dir_;
  FileHasher hasher_;
  mutable std::mutex mutex_;
  size_t damaged_ = 0;
  std::string writeError_;
  std::map<std::string, std::unique_ptr<std::mutex>> manifestLocks_; // one writer per manifest in this process
  std::map<std::string, std::shared_ptr<FunctionSummary>> functions_; // function entries read (null: damaged)
  std::map<std::string, bool> absent_;                                 // paths checked, and whether still absent
};

// The identity of one TU's extraction (see above), as a hex digest.
std::string extractionIdentity(const std::string &mainFile, const std::string &directory,
                               const std::vector<std::string> &adjustedArguments, const std::string &catalogDigest,
                               const std::string &configDigest, const std::string &projectDigest);

} // namespace flowshape
