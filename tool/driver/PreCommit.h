// --pre-commit: the mode the git hook (.pre-commit-hooks.yaml,
// scripts/pre-commit-flowshape) runs. It analyses only the staged files that
// the compilation database knows, and passes, saying why, when there is no
// database to analyse them with: a hook must not block commits in a checkout
// that was never configured.
#pragma once

#include "driver/Driver.h"
#include "extract/Extractor.h"

#include <optional>
#include <vector>

namespace flowshape {

// The hook's build directory: -p, else $FLOWSHAPE_BUILD_DIR, else "build".
std::string preCommitBuildPath(const std::string &given);

// The commands to analyse (the files of options.files that the database in
// options.buildPath knows), or nothing (a message is on standard error) when
// the hook should pass without analysing. Throws InputError for a malformed
// database.
std::optional<std::vector<CompileCommand>> preCommitCommands(const DriverOptions &options);

} // namespace flowshape
