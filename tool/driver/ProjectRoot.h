// The project root of a run without --root, found from the analysed
// sources (never from the build directory, which may be anywhere).
#pragma once

#include "extract/Extractor.h"

#include <string>
#include <vector>

namespace flowshape {

// The nearest directory above the sources' common directory that holds .git
// (file or folder: worktrees and submodules too) or .flowshape.yaml; without
// one, the common directory of the sources and of the project's own include
// directories (projectIncludeDirectories). `fallback` when there is no
// source at all.
std::string discoverProjectRoot(const std::vector<CompileCommand> &commands, const std::string &fallback);

// The project's own include directories (-I, -iquote): absolute, existing,
// neither system (-isystem) nor installed (/usr, /opt, ...), and not inside
// an out-of-source build directory (generated headers), sorted.
std::vector<std::string> projectIncludeDirectories(const std::vector<CompileCommand> &commands);

// One warning line (without "flowshape: warning: ") for each kind of thing
// left outside `root`: source files, then include directories; none when
// everything is inside.
std::vector<std::string> outsideRootWarnings(const std::vector<CompileCommand> &commands, const std::string &root);

} // namespace flowshape
