// YAML mapping of catalog entries, shared by the catalog loader and the
// config loader (whose `apis:` list has the same schema). Errors are reported
// by llvm::yaml::Input with the file, line and column of the offending node.
#pragma once

#include "flowshape/Catalog.h"

#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"

#include <string>
#include <vector>

namespace flowshape {

// Context handed to the YAML mapping: lets entries learn their own line.
struct YamlContext {
  const char *bufferStart = nullptr;
  std::string file;
  unsigned lineOf(llvm::yaml::IO &io) const;
};

// Collects the first diagnostic of a yaml::Input as "file:line:col: message".
struct YamlDiagnostic {
  std::string message;
  static void handler(const llvm::SMDiagnostic &diag, void *context);
};

std::string checkRegex(const std::string &pattern); // empty when valid

} // namespace flowshape

namespace llvm {
namespace yaml {

template <> struct ScalarEnumerationTraits<flowshape::Role> {
  static void enumeration(IO &io, flowshape::Role &role);
};

template <> struct MappingTraits<flowshape::ArgCondition> {
  static void mapping(IO &io, flowshape::ArgCondition &c);
  static std::string validate(IO &io, flowshape::ArgCondition &c);
};

template <> struct MappingTraits<flowshape::FactCase> {
  static void mapping(IO &io, flowshape::FactCase &c);
  static std::string validate(IO &io, flowshape::FactCase &c);
};

template <> struct MappingTraits<flowshape::ApiEntry> {
  static void mapping(IO &io, flowshape::ApiEntry &e);
  static std::string validate(IO &io, flowshape::ApiEntry &e);
};

} // namespace yaml
} // namespace llvm

LLVM_YAML_IS_SEQUENCE_VECTOR(flowshape::ApiEntry)
LLVM_YAML_IS_SEQUENCE_VECTOR(flowshape::FactCase)
