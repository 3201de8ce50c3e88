#include "flowshape/Project.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/Path.h"

namespace flowshape {

struct ProjectFilter::Globs {
  std::vector<llvm::GlobPattern> patterns;
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
    // "dir/**" also matches at any depth when the pattern has no slash,
    // as .gitignore does.
    std::string pattern = glob.find('/') == std::string::npos ? "**/" + glob : glob;
    if (auto compiled = llvm::GlobPattern::create(pattern))
      globs_->patterns.push_back(std::move(*compiled));
    else
      llvm::consumeError(compiled.takeError()); // validated by the config loader
  }
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
  if (inProject) {
    // Globs are matched against the relative path and, for patterns that
    // start with "**/", against "/" + path so that top-level names match too.
    std::string anchored = "/" + rel;
    for (const auto &glob : globs_->patterns)
      if (glob.match(rel) || glob.match(anchored)) {
        inProject = false;
        break;
      }
  }
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
