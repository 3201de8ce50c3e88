// Which directory is the project: the sources decide, not the build
// directory (an out-of-source build in /tmp has no .git above it).
#include "driver/ProjectRoot.h"

#include "driver/Analysis.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <set>

namespace flowshape {

namespace {

bool isInside(const std::string &path, const std::string &dir) {
  return dir == "/" || path == dir || llvm::StringRef(path).starts_with(dir + "/");
}

// The longest directory both paths (absolute, normalised) are in.
std::string commonDirectory(const std::string &a, const std::string &b) {
  llvm::SmallString<256> out;
  for (auto x = llvm::sys::path::begin(a), y = llvm::sys::path::begin(b), xe = llvm::sys::path::end(a),
            ye = llvm::sys::path::end(b);
       x != xe && y != ye && *x == *y; ++x, ++y)
    llvm::sys::path::append(out, *x);
  return out.empty() ? std::string("/") : std::string(out.str());
}

// Where packages and toolchains install headers: never the project's own.
bool isInstalledPath(const std::string &dir) {
  for (const char *prefix : {"/usr", "/opt", "/nix", "/gnu", "/snap", "/Library", "/System", "/Applications"})
    if (isInside(dir, prefix))
      return true;
  return false;
}

std::string sourcesDirectory(const std::vector<CompileCommand> &commands) {
  std::string common;
  for (size_t i = 0; i < commands.size(); ++i) {
    std::string dir(llvm::sys::path::parent_path(commands[i].file));
    common = i == 0 ? dir : commonDirectory(common, dir);
  }
  return common;
}

} // namespace

std::vector<std::string> projectIncludeDirectories(const std::vector<CompileCommand> &commands) {
  std::set<std::string> out;
  for (const CompileCommand &command : commands) {
    std::string directory = normalizePath(command.directory);
    // A build directory that does not hold the source: what it includes
    // from itself is generated.
    bool outOfSource = !isInside(command.file, directory);
    const std::vector<std::string> &args = command.arguments;
    for (size_t i = 1; i < args.size(); ++i) {
      llvm::StringRef arg(args[i]);
      std::string dir;
      for (llvm::StringRef flag : {"-iquote", "-I", "--include-directory="}) {
        if (!arg.starts_with(flag))
          continue;
        if (arg.size() > flag.size())
          dir = arg.drop_front(flag.size()).str();
        else if (i + 1 < args.size())
          dir = args[++i];
        break;
      }
      if (dir.empty())
        continue;
      dir = normalizePath(dir, directory);
      if (isInstalledPath(dir) || (outOfSource && isInside(dir, directory)) || !llvm::sys::fs::is_directory(dir))
        continue;
      out.insert(dir);
    }
  }
  return {out.begin(), out.end()};
}

std::string discoverProjectRoot(const std::vector<CompileCommand> &commands, const std::string &fallback) {
  if (commands.empty())
    return findProjectRoot(fallback, fallback);
  std::string sources = sourcesDirectory(commands);
  std::string common = sources;
  for (const std::string &dir : projectIncludeDirectories(commands))
    common = commonDirectory(common, dir);
  return findProjectRoot(sources, common);
}

std::vector<std::string> outsideRootWarnings(const std::vector<CompileCommand> &commands, const std::string &root) {
  std::vector<std::string> files, includes;
  for (const CompileCommand &command : commands)
    if (!isInside(command.file, root))
      files.push_back(command.file);
  for (const std::string &dir : projectIncludeDirectories(commands))
    if (!isInside(dir, root))
      includes.push_back(dir);
  std::vector<std::string> out;
  auto describe = [&](const std::vector<std::string> &list, const char *one, const char *many, const char *effect) {
    if (list.empty())
      return;
    std::string line = std::string(list.size() == 1 ? one : many) + " outside the project root " + root + " (" +
                       effect + "; set --root): ";
    const size_t shown = 5;
    for (size_t i = 0; i < list.size() && i < shown; ++i)
      line += (i ? ", " : "") + list[i];
    if (list.size() > shown)
      line += " and " + std::to_string(list.size() - shown) + " more";
    out.push_back(line);
  };
  describe(files, "a source file is", "source files are", "not analysed");
  describe(includes, "an include directory is", "include directories are",
           "headers there count as third-party code");
  return out;
}

} // namespace flowshape
