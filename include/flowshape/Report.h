// What a run found, in the form every reporter (text, JSON, SARIF,
// Markdown) writes out. Paths are absolute here; reporters relativise them
// to the project root.
#pragma once

#include "flowshape/Finding.h"
#include "flowshape/Shape.h"

#include <map>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace flowshape {

struct FlowInteraction {
  std::string role;
  Location loc;             // where it enters the flow: the API call, or the call of the wrapper
  Location apiLoc;          // the API call itself
  std::string api;
  std::string destination;
  std::vector<ViaStep> via; // wrappers between the flow and the API
};

struct FlowReport {
  std::string function;
  Location loc;
  Shape shape = Shape::EventDriven;
  std::vector<FlowInteraction> interactions;
  std::string partialUnit; // from a translation unit with errors (see its failure)
  bool bodyErrors = false; // the function's own body has errors
  bool truncated = false; // its graph reached a bound of the link (reported, never silent)
  bool approximated = false; // its graph passed a size past which the link merges paths (reported)
};

struct TranslationUnitFailure {
  std::string file;
  std::vector<std::string> errors;
  // Clang recovered from the errors: the functions that parsed are analysed.
  bool partial = false;
  // The link, not Clang, failed on some of the file's flows (out of memory):
  // the others are analysed. Always partial.
  bool link = false;
};

// The first line of a failure, as every reporter says it.
std::string failureHeadline(const TranslationUnitFailure &failure);

// How text, SARIF and Markdown present findings (--group): one entry per
// root cause, listing the flows that reach it, or one per finding. JSON
// always lists every finding with its root-cause group.
enum class Grouping { RootCause, None };

struct Report {
  std::string root; // project root
  std::vector<Finding> findings;
  std::vector<FlowReport> flows;
  std::vector<TranslationUnitFailure> failures;
  size_t files = 0; // translation units analysed
  std::vector<std::string> notices; // e.g. stale baseline entries, unused suppressions
  Grouping grouping = Grouping::RootCause;
  LinkFigures link; // for --stats; in no report format

  std::string relative(const std::string &path) const;
  // The call chain of a piece of evidence, with where each call is made:
  // "s_send at src/client.c:23 -> zmq_helpers at src/zmq.h:40".
  std::string viaText(const std::vector<ViaStep> &via) const;
};

struct TextOptions {
  bool color = false;
  bool snippets = true; // print the source line under each finding
  bool shapes = true;   // print the per-file shape table
};

void writeText(const Report &report, llvm::raw_ostream &os, const TextOptions &options);
void writeJson(const Report &report, llvm::raw_ostream &os);
// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers (docs/sarif.md).
void writeSarif(const Report &report, llvm::raw_ostream &os);
// Markdown for a pull-request comment or a CI job summary: tables of flows
// and findings, and a Mermaid sequence diagram of each flow with findings.
void writeMarkdown(const Report &report, llvm::raw_ostream &os);

} // namespace flowshape
