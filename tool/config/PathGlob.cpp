#include "config/PathGlob.h"

#include "llvm/ADT/StringRef.h"

#include <stdexcept>

namespace flowshape {

namespace {

bool isRegexSpecial(char c) { return llvm::StringRef(".^$+(){}|\\").contains(c); }

// Translates a .gitignore pattern (without its trailing '/') into an
// anchored POSIX extended regular expression over '/'-separated paths.
bool translate(llvm::StringRef p, std::string &regex, std::string &error) {
  bool anchored = p.contains('/');
  if (p.starts_with("/"))
    p = p.drop_front();
  regex = anchored ? "^" : "^(.*/)?";
  for (size_t i = 0; i < p.size();) {
    char c = p[i];
    if (c == '*') {
      size_t run = p.find_first_not_of('*', i);
      run = (run == llvm::StringRef::npos ? p.size() : run) - i;
      bool atStart = i == 0 || p[i - 1] == '/';
      bool atEnd = i + run == p.size() || p[i + run] == '/';
      if (run == 2 && atStart && atEnd) {
        if (i + run == p.size()) {
          regex += ".*"; // "dir/**": everything inside
          i += run;
        } else {
          regex += "(.*/)?"; // "**/": zero or more directories
          i += run + 1;
        }
        continue;
      }
      regex += "[^/]*";
      i += run;
      continue;
    }
    if (c == '?') {
      regex += "[^/]";
      ++i;
      continue;
    }
    if (c == '[') {
      size_t j = i + 1;
      bool negated = j < p.size() && (p[j] == '!' || p[j] == '^');
      if (negated)
        ++j;
      size_t first = j;
      if (j < p.size() && p[j] == ']')
        ++j; // a ']' first in the class is a member
      while (j < p.size() && p[j] != ']')
        ++j;
      if (j >= p.size()) {
        error = "unterminated character class '[' at offset " + std::to_string(i);
        return false;
      }
      std::string members = p.substr(first, j - first).str();
      if (members.empty()) {
        error = "empty character class at offset " + std::to_string(i);
        return false;
      }
      regex += negated ? "[^/" + members + "]" : "[" + members + "]";
      i = j + 1;
      continue;
    }
    if (c == '\\') {
      if (i + 1 == p.size()) {
        error = "trailing backslash";
        return false;
      }
      c = p[++i];
    }
    if (isRegexSpecial(c) || c == '*' || c == '?' || c == '[' || c == ']')
      regex += '\\';
    regex += c;
    ++i;
  }
  regex += "$";
  return true;
}

} // namespace

PathGlob::PathGlob(std::string pattern, std::string regex, bool directoryOnly)
    : pattern_(std::move(pattern)), regex_(regex), directoryOnly_(directoryOnly) {}

std::unique_ptr<PathGlob> PathGlob::create(const std::string &pattern, std::string &error) {
  error.clear();
  llvm::StringRef p(pattern);
  if (p.trim().empty()) {
    error = "empty pattern";
    return nullptr;
  }
  if (p.starts_with("!")) {
    error = "negated patterns ('!') are not supported: list what to keep under 'include'";
    return nullptr;
  }
  bool directoryOnly = p.ends_with("/");
  if (directoryOnly)
    p = p.rtrim('/');
  if (p.empty() || p == "/") {
    error = "the pattern names no path";
    return nullptr;
  }
  std::string regex;
  if (!translate(p, regex, error))
    return nullptr;
  std::string regexError;
  if (!llvm::Regex(regex).isValid(regexError)) {
    error = regexError;
    return nullptr;
  }
  return std::unique_ptr<PathGlob>(new PathGlob(pattern, regex, directoryOnly));
}

bool PathGlob::matches(const std::string &relativePath) const {
  // The path itself (unless only directories may match), then every parent
  // directory: an excluded directory excludes what it holds.
  llvm::StringRef path(relativePath);
  if (!directoryOnly_ && regex_.match(path))
    return true;
  for (size_t slash = path.find('/'); slash != llvm::StringRef::npos; slash = path.find('/', slash + 1))
    if (slash > 0 && regex_.match(path.substr(0, slash)))
      return true;
  return false;
}

PathGlobList::PathGlobList(const std::vector<std::string> &patterns) {
  for (const auto &pattern : patterns) {
    std::string error;
    auto glob = PathGlob::create(pattern, error);
    if (!glob)
      throw std::invalid_argument("invalid glob '" + pattern + "': " + error);
    globs_.push_back(std::move(glob));
  }
}

bool PathGlobList::matches(const std::string &relativePath) const {
  for (const auto &glob : globs_)
    if (glob->matches(relativePath))
      return true;
  return false;
}

std::string checkPathGlob(const std::string &pattern) {
  std::string error;
  if (!PathGlob::create(pattern, error))
    return "invalid glob '" + pattern + "': " + error;
  return {};
}

} // namespace flowshape
