// Small text helpers shared by the extractor and the review code; kept free
// of Clang headers so that every part of the tool can use them cheaply.
#pragma once

#include <llvm/ADT/StringRef.h>

#include <string>

namespace flowshape {

// `text` with each run of white space folded to one space and no space at
// either end: source text that compares equal however it is laid out. Cut
// at `limit` bytes, marked by "...".
std::string collapseSpaces(llvm::StringRef text, size_t limit = std::string::npos);

} // namespace flowshape
