// Writing output files (reports, --summaries-out) so that a reader never
// sees half a file: the text goes to a temporary file in the same directory,
// which is renamed over the target only once it is complete. Write errors
// (a full disk, an unwritable directory) are reported, never fatal.
#pragma once

#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <string>

namespace flowshape {

// Writes `path` through `write`. Returns an empty string on success, else
// "<path>: cannot write: <reason>". A path that exists and is not a regular
// file (/dev/stdout, a pipe) is written in place.
std::string writeOutputFile(const std::string &path, const std::function<void(llvm::raw_ostream &)> &write);

// Flushes standard output; "standard output: cannot write: <reason>" when it
// failed (a closed pipe, a full disk), else empty. Clears the error so that
// LLVM does not abort at exit.
std::string flushStandardOutput();

} // namespace flowshape
