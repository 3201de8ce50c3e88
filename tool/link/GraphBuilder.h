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
  explicit GraphBuilder(const Program &program);
  const FlowGraph &build(const FunctionSummary &fn);

  // Bounds the output reports when reached (a flow is then `truncated`).
  static constexpr size_t kMaxNodes = kGraphMaxNodes;
  static constexpr size_t kMaxDepth = kGraphMaxDepth;
  // Spliced nodes whose call chain is deeper than this are merged with
  // their like (MergeKey); past kCoarseAt nodes, below the first level.
  static constexpr size_t kContextDepth = 6;
  static constexpr size_t kCoarseAt = 2000;
  // A call whose callees have this many entry (or exit) nodes gets a silent
  // node for its start (or end).
  static constexpr size_t kJunctionAt = 8;

private:
  // What `this` may be while a function runs: a class chain (the class, then
  // its bases) narrower than the function's own, or null for its own.
  using ThisClass = const std::vector<std::string> *;

  std::shared_ptr<const FlowGraph> expand(const FunctionSummary &fn, size_t depth, bool &incomplete,
                                          ThisClass self = nullptr);
  // Whether what `this` is changes the function's graph: it makes a virtual
  // call on `this`, or a call on `this` to a function that does.
  bool dependsOnThis(const FunctionSummary &fn) const;
  FlowNode nodeFor(const FunctionSummary &fn, uint32_t index) const;
  // An interaction no analysis of a flow looks at in its graph: a
  // completion, a callback registration, a control call or a fact (what
  // they do is read from the summaries, program-wide), whose role no
  // caller's object can change. Its node would only lengthen the paths
  // between those that matter, and every caller would copy it.
  static bool inert(const FlowNode &node);
  // Role, timeout and consumed destination from the facts of node.object.
  void applyObjectFacts(FlowNode &node) const;

  const Program &program_;
  size_t junctionAt_ = kJunctionAt; // FLOWSHAPE_CALL_JUNCTIONS=always|never changes it, for tests
  // Silent nodes of a callee that would land below the context depth are
  // not copied into a caller (their paths become edges):
  // FLOWSHAPE_DEEP_JUNCTIONS=keep|bypass keeps them all or bypasses every
  // one a callee has, for tests.
  enum class DeepJunctions { Bypass, Keep, BypassAll };
  DeepJunctions deepJunctions_ = DeepJunctions::Bypass;
  bool dropInert_ = true;           // FLOWSHAPE_INERT_NODES=keep keeps them, for tests
  std::vector<const FunctionSummary *> stack_;
  // Graphs cut by recursion, this build only: by function and `this` class ("" for its own).
  std::map<std::pair<const FunctionSummary *, std::string>, std::shared_ptr<const FlowGraph>> partial_;
};

} // namespace flowshape
