// Path globs with .gitignore semantics, for include/exclude lists:
//
//   *      any characters except '/'       ?      one character except '/'
//   **/    any leading directories         /**    everything inside
//   [a-z]  a character class ([!...] negates)
//   \x     the character x itself
//
// A pattern without a '/' (other than a trailing one) matches a file or
// directory name at any depth; one with a '/' is anchored to the base
// directory (a leading '/' only anchors). A trailing '/' matches directories
// only. A path also matches when one of its parent directories does, so
// "legacy" and "legacy/" both cover "src/legacy/old.cpp".
#pragma once

#include "llvm/Support/Regex.h"

#include <memory>
#include <string>
#include <vector>

namespace flowshape {

class PathGlob {
public:
  // Empty `error` on success; otherwise what is wrong with the pattern.
  static std::unique_ptr<PathGlob> create(const std::string &pattern, std::string &error);

  // `relativePath` uses '/' separators, relative to the base directory.
  bool matches(const std::string &relativePath) const;
  const std::string &pattern() const { return pattern_; }

private:
  PathGlob(std::string pattern, std::string regex, bool directoryOnly);
  std::string pattern_;
  llvm::Regex regex_;
  bool directoryOnly_ = false;
};

// A list of globs; matches when any glob does.
class PathGlobList {
public:
  PathGlobList() = default;
  // Throws std::invalid_argument naming the bad pattern.
  explicit PathGlobList(const std::vector<std::string> &patterns);
  bool empty() const { return globs_.empty(); }
  bool matches(const std::string &relativePath) const;

private:
  std::vector<std::shared_ptr<const PathGlob>> globs_;
};

// Checks one pattern: empty when it is valid, else what is wrong.
std::string checkPathGlob(const std::string &pattern);

} // namespace flowshape
