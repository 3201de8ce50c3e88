// Where compile commands come from: a compile_commands.json (-p, as
// clang-tidy) or flags given after "--". Errors name the file, the line and
// what is wrong.
#pragma once

#include "extract/Extractor.h"

#include "llvm/ADT/StringRef.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace flowshape {

// Bad input from the user: reported on one line, exit code 2.
struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Reads <buildDir>/compile_commands.json (or the file itself when given).
std::vector<CompileCommand> loadCompileCommands(const std::string &buildDirOrFile);
// Parses the text of a compilation database; `name` is its path, for errors.
std::vector<CompileCommand> parseCompileCommands(const std::string &name, llvm::StringRef text);

// Keeps the commands of `files` (all when empty), in the order of `files`;
// a file that has no command is an InputError naming it.
std::vector<CompileCommand> selectCommands(const std::vector<CompileCommand> &all, const std::vector<std::string> &files,
                                           const std::string &databaseName);

// One command per file with the given flags, run from the current directory.
std::vector<CompileCommand> fixedCommands(const std::vector<std::string> &files, const std::vector<std::string> &flags);

} // namespace flowshape
