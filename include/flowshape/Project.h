// Which files are the user's project: function bodies are analysed only
// there. A file is project code when it lies under the project root, is not
// a system header, no exclude glob matches its root-relative path and, for a
// header (a file that is not the main file of a translation unit), the
// header filter (a regex, as clang-tidy's HeaderFilterRegex) matches it.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace flowshape {

class ProjectFilter {
public:
  ProjectFilter(std::string root, std::vector<std::string> excludeGlobs);
  ~ProjectFilter();
  ProjectFilter(const ProjectFilter &) = delete;
  ProjectFilter &operator=(const ProjectFilter &) = delete;

  // Headers are analysed only when `regex` (searched, unanchored, in the
  // root-relative path) matches; `mainFiles` are the translation units'
  // own files, which it does not apply to. An empty regex keeps every header.
  void setHeaderFilter(const std::string &regex, std::set<std::string> mainFiles);

  const std::string &root() const { return root_; }
  // `path` must be absolute and normalised. Thread-safe.
  bool isProjectFile(const std::string &path) const;
  // Path relative to the root when under it, else unchanged.
  std::string relative(const std::string &path) const;

  // Generated and vendored code that is never the user's own, excluded by default.
  static const std::vector<std::string> &defaultExcludes();

private:
  struct Globs;
  std::string root_;
  std::unique_ptr<Globs> globs_;
  std::set<std::string> mainFiles_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, bool> cache_;
};

// Normalises a path: absolute, no "." or "..", native separators.
std::string normalizePath(const std::string &path, const std::string &base = "");

} // namespace flowshape
