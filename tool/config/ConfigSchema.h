// Checks the structure of a .flowshape.yaml before its values are read.
#pragma once

#include "llvm/ADT/StringRef.h"

#include <set>
#include <string>

namespace flowshape {

// Throws ConfigError("file:line:col: key: what is wrong") for malformed YAML,
// an unknown key, a value of the wrong type, an unknown rule, a bad level,
// glob or regular expression. Returns the top-level keys given without a
// value ("rules:" with its entries commented out), which mean nothing.
std::set<std::string> checkConfigSchema(const std::string &path, llvm::StringRef content);

} // namespace flowshape
