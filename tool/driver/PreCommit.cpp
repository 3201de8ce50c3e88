#include "driver/PreCommit.h"

#include "driver/CompileCommands.h"
#include "flowshape/Project.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <map>

namespace flowshape {

std::string preCommitBuildPath(const std::string &given) {
  if (!given.empty())
    return given;
  const char *fromEnvironment = std::getenv("FLOWSHAPE_BUILD_DIR");
  return fromEnvironment && *fromEnvironment ? fromEnvironment : "build";
}

std::optional<std::vector<CompileCommand>> preCommitCommands(const DriverOptions &options) {
  llvm::SmallString<256> database(options.buildPath);
  if (llvm::sys::path::extension(database) != ".json")
    llvm::sys::path::append(database, "compile_commands.json");
  if (!llvm::sys::fs::exists(database)) {
    llvm::errs() << "flowshape: no " << database << ": skipping the check (configure the build with "
                 << "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or point -p or FLOWSHAPE_BUILD_DIR at its directory)\n";
    return std::nullopt;
  }
  std::vector<CompileCommand> all = loadCompileCommands(std::string(database.str()));
  std::map<std::string, const CompileCommand *> byFile;
  for (const CompileCommand &command : all)
    byFile.emplace(command.file, &command);
  std::vector<CompileCommand> selected;
  size_t skipped = 0;
  for (const std::string &file : options.files) {
    auto it = byFile.find(normalizePath(file));
    if (it == byFile.end()) {
      ++skipped; // a header, or a file the build does not compile
      continue;
    }
    selected.push_back(*it->second);
    byFile.erase(it);
  }
  if (selected.empty()) {
    size_t headers = 0;
    for (const std::string &file : options.files)
      if (llvm::StringRef(llvm::sys::path::extension(file)).starts_with(".h"))
        ++headers;
    // The commit is not checked at all: say so, loudly enough to be seen.
    llvm::errs() << "flowshape: warning: none of the " << options.files.size()
                 << " staged file(s) has a compile command in " << database << ": nothing to analyse";
    if (headers)
      llvm::errs() << " (a header is analysed only through a source file that includes it: stage one, or run "
                      "flowshape on the whole database)";
    llvm::errs() << "\n";
    return std::nullopt;
  }
  if (skipped && !options.quiet)
    llvm::errs() << "flowshape: " << skipped << " file(s) without a compile command in " << database
                 << " skipped (headers are analysed through the sources that include them)\n";
  return selected;
}

} // namespace flowshape
