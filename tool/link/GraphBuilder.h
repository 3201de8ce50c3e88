// Splices callees' event graphs into their callers, to a fixed point:
// recursion stops at functions already being expanded, and graphs that grow
// past a size or depth limit stop splicing (the graph says so).
#pragma once

#include "flowshape/Program.h"

#include <map>
#include <memory>

namespace flowshape {

class GraphBuilder {
public:
  explicit GraphBuilder(const Program &program) : program_(program) {}
  const FlowGraph &build(const FunctionSummary &fn);

  // Bounds the output reports when reached (a flow is then `truncated`).
  static constexpr size_t kMaxNodes = kGraphMaxNodes;
  static constexpr size_t kMaxDepth = kGraphMaxDepth;
  // Spliced nodes whose call chain is deeper than this are merged with
  // their like (MergeKey); past kCoarseAt nodes, below the first level.
  static constexpr size_t kContextDepth = 6;
  static constexpr size_t kCoarseAt = 2000;

private:
  std::shared_ptr<const FlowGraph> expand(const FunctionSummary &fn, size_t depth, bool &incomplete);
  FlowNode nodeFor(const FunctionSummary &fn, uint32_t index) const;
  // Role, timeout and consumed destination from the facts of node.object.
  void applyObjectFacts(FlowNode &node) const;

  const Program &program_;
  std::vector<const FunctionSummary *> stack_;
  std::map<const FunctionSummary *, std::shared_ptr<const FlowGraph>> partial_; // graphs cut by recursion, this build only
};

} // namespace flowshape
