// Extraction: one translation unit's AST and CFGs -> TranslationUnitSummary.
// This header is free of Clang types so that the driver stays light; the
// Clang-facing parts live in the extract/*.cpp files only.
#pragma once

#include "flowshape/Catalog.h"
#include "flowshape/Project.h"
#include "flowshape/Summary.h"

#include <string>
#include <vector>

namespace flowshape {

struct CompileCommand {
  std::string file;      // absolute
  std::string directory; // working directory of the compiler
  std::vector<std::string> arguments; // argv, compiler first
};

struct ExtractorInput {
  const Catalog *catalog = nullptr;      // the built-in catalogs
  const Catalog *extraCatalog = nullptr; // entries from the user's config, may be null
  const ProjectFilter *project = nullptr;
};

struct ExtractionResult {
  std::string file;
  bool ok = false;
  bool partial = false; // not ok, but Clang recovered: the summary holds what parsed
  std::vector<std::string> errors; // "file:line:col: message", first ones only
  TranslationUnitSummary summary;
  // A failure the extractor itself met (not a worker's crash, timeout or
  // memory limit): it holds while the files the unit read keep their
  // contents and every path in `absent` stays absent, so the cache keeps it.
  bool cacheable = false;
  // Of a failed unit: every path the compiler looked for and did not find
  // (header search in each include directory, the driver's own probes),
  // absolute. A missing header that appears later is one of them.
  std::vector<std::string> absent;
};

// Parses and extracts one translation unit. Thread-safe: each call owns its
// compiler instance and file system view (no process-wide chdir).
ExtractionResult extractTranslationUnit(const CompileCommand &command, const ExtractorInput &input);

// The compiler arguments flowshape actually runs: syntax-only, no output or
// dependency files, no warnings, Clang's own resource directory, and no flags
// Clang does not know (a g++ database can hold GCC-only ones).
std::vector<std::string> adjustArguments(const CompileCommand &command);

// The source files a compiler command line compiles (its inputs, as the
// Clang driver parses them), as written.
std::vector<std::string> compiledInputs(const std::vector<std::string> &arguments);

} // namespace flowshape
