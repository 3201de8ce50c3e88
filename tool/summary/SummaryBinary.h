// Binary form of the summaries the cache stores: what a warm run reads in
// place of parsing JSON. The JSON form (SummaryJson.h) builds a document
// tree (a std::map per object) before the summary, and a warm run spent
// half its time there; this form decodes straight into the summary.
//
// Layout: unsigned numbers as LEB128 varints, strings as a varint length
// and the bytes, vectors as a varint count and the elements; file paths
// in a table, locations by index. Every read is bounds-checked and every
// index and enumerator range-checked: damaged bytes throw
// SummaryFormatError, never read past the end. The cache entry around it
// carries the format version and a checksum.
#pragma once

#include "flowshape/Summary.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace flowshape {

// One function, with a file table of its own (SummaryJson's functionToJson).
std::string functionToBinary(const FunctionSummary &fn);
FunctionSummary functionFromBinary(llvm::StringRef bytes); // throws SummaryFormatError

// A unit whose functions are given as keys (SummaryJson's unitIndexToJson).
std::string unitIndexToBinary(const TranslationUnitSummary &unit, const std::vector<std::string> &functionKeys);
TranslationUnitSummary unitIndexFromBinary(llvm::StringRef bytes,
                                           std::vector<std::string> &functionKeys); // throws SummaryFormatError

} // namespace flowshape
