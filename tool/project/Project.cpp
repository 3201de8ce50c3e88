#include "flowshape/Project.h"

#include "config/PathGlob.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

namespace flowshape {

struct ProjectFilter::Globs {
  std::vector<std::unique_ptr<PathGlob>> patterns;
  std::unique_ptr<llvm::Regex> headerFilter;
};

const std::vector<std::string> &ProjectFilter::defaultExcludes() {
  static const std::vector<std::string> globs = {
      "**/*.pb.h", "**/*.pb.cc", "**/_deps/**", "**/third_party/**", "**/third-party/**", "**/vendor/**",
      "**/external/**",
  };
  return globs;
}

ProjectFilter::ProjectFilter(std::string root, std::vector<std::string> excludeGlobs)
    : root_(normalizePath(root)), globs_(std::make_unique<Globs>()) {
  for (const auto &glob : excludeGlobs) {
    std::string error;
    if (auto compiled = PathGlob::create(glob, error))
      globs_->patterns.push_back(std::move(compiled)); // else: rejected, with its line, by the config loader
  }
}

void ProjectFilter::setHeaderFilter(const std::string &regex, std::set<std::string> mainFiles) {
  std::lock_guard<std::mutex> lock(mutex_);
  globs_->headerFilter = regex.empty() ? nullptr : std::make_unique<llvm::Regex>(regex);
  mainFiles_ = std::move(mainFiles);
  cache_.clear();
}

ProjectFilter::~ProjectFilter() = default;

std::string ProjectFilter::relative(const std::string &path) const {
  if (root_.empty() || path.size() <= root_.size() || path.compare(0, root_.size(), root_) != 0 ||
      path[root_.size()] != '/')
    return path;
  return path.substr(root_.size() + 1);
}

bool ProjectFilter::isProjectFile(const std::string &path) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = cache_.find(path);
  if (it != cache_.end())
    return it->second;
  std::string rel = relative(path);
  bool inProject = rel != path || root_ == "/";
  if (inProject)
    for (const auto &glob : globs_->patterns)
      if (glob->matches(rel)) {
        inProject = false;
        break;
      }
  if (inProject && globs_->headerFilter && !mainFiles_.count(path))
    inProject = globs_->headerFilter->match(rel);
  cache_.emplace(path, inProject);
  return inProject;
}

std::string normalizePath(const std::string &path, const std::string &base) {
  llvm::SmallString<256> out(path);
  if (!llvm::sys::path::is_absolute(out)) {
    llvm::SmallString<256> b(base);
    if (b.empty())
      llvm::sys::fs::current_path(b);
    llvm::sys::path::append(b, out);
    out = b;
  }
  llvm::sys::path::remove_dots(out, /*remove_dot_dot=*/true);
  llvm::sys::path::native(out);
  std::string s(out.str());
  while (s.size() > 1 && s.back() == '/')
    s.pop_back();
  return s;
}

} // namespace flowshape
