// What a flow does after it publishes: for every publish, the first
// blocking operations that can follow it, and whether each one waits for the
// reply (with evidence), waits for something else, or is harmless (the
// publish's own acknowledgement, or a sleep that paces a publishing loop).
#pragma once

#include "flowshape/Program.h"

#include <string>
#include <vector>

namespace flowshape {

struct Evidence {
  std::string kind;    // publish, wait, reply-marker, correlation-check, completed-by, receive-on-reply
  std::string role;    // the role of the interaction it points at, when there is one
  Location loc;
  std::string api;
  std::string message; // lowercase, for notes
  std::string text;    // normalised source text of the statement, for fingerprints
  std::string strength; // for reply evidence: strong, medium, weak
  std::vector<ViaStep> via;
};

enum class WaitVerdict {
  Reply, // waits for the answer to the publish
  Block, // blocks on something not shown to be the answer
};

struct WaitAfterPublish {
  uint32_t wait = 0;               // node index in the flow graph
  std::vector<uint32_t> publishes; // publishes it follows, nearest first
  WaitVerdict verdict = WaitVerdict::Block;
  std::string strength;            // reply evidence: strong, medium, weak
  std::vector<Evidence> reasons;   // why: strongest first
  // The publish and the wait meet in this flow (not both inside one callee,
  // where the callee's own analysis reports them).
  bool ownedByFlow = true;
  bool unboundedWait = false;      // no finite timeout, or a loop that never gives up
  std::string unboundedReason;
};

struct FlowAnalysis {
  const FunctionSummary *function = nullptr;
  const FlowGraph *graph = nullptr;
  std::vector<WaitAfterPublish> waits;
  bool consumerCallback = false;
};

// Analyses one function of the program.
FlowAnalysis analyzeFlow(const Program &program, const FunctionSummary &fn);

// Evidence note for a node of a flow graph, e.g. "publish to 'orders' via RdKafka::Producer::produce".
Evidence evidenceFor(const FlowNode &node, const std::string &kind, const std::string &message);
std::string describeNode(const FlowNode &node);

} // namespace flowshape
