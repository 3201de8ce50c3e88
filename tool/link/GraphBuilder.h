// Builds a function's flow graph: its own events, the finished graphs of
// the functions it calls spliced in, and the bodies of the functions of its
// own call cycle placed in it. Recursion stops at functions already
// being expanded, and graphs that grow past a size or depth limit stop
// splicing (the graph says so).
#pragma once

#include "flowshape/Program.h"


namespace flowshape {

class GraphBuilder {
public:
  explicit GraphBuilder(const Program &program);
  const FlowGraph &build(const FunctionSummary &fn);
  // Whether an interaction event is one no analysis of a flow looks at in
  // its graph (see inert(FlowNode) below): it never becomes a node.
  static bool inert(const Event &e);

  // Bounds the output reports when reached (a flow is then `truncated`).
  static constexpr size_t kMaxNodes = kGraphMaxNodes;
  static constexpr size_t kMaxDepth = kGraphMaxDepth;
  // Spliced nodes whose call chain is deeper than this are merged with
  // their like (MergeKey); past kCoarseAt nodes, below the first level.
  static constexpr size_t kContextDepth = 6;
  static constexpr size_t kCoarseAt = kGraphExactNodes;
  // A call whose callees have this many entry (or exit) nodes gets a silent
  // node for its start (or end).
  static constexpr size_t kJunctionAt = 8;
  // A graph places a body of its call cycle again for each call to it
  // (see placeCycleMember) until it holds this many bodies or kCoarseAt
  // nodes; past that, calls join the body placed first.
  static constexpr size_t kCycleBodies = kGraphCycleBodies;

private:
  // What `this` may be while a function runs: a class chain (the class, then
  // its bases) narrower than the function's own, or null for its own.
  using ThisClass = const std::vector<std::string> *;
  struct Build; // the graph being built, and where its bodies are placed
  struct Piece; // where one event of a body lands in the graph
  // The nodes through which paths enter and leave a body placed in a graph.
  struct BodyEnds {
    std::vector<uint32_t> entries, exits;
    bool empty = false; // control can pass the body without any node
  };

  // fn's finished graph, built now if it is not yet.
  const FlowGraph &expand(const FunctionSummary &fn, size_t depth, ThisClass self = nullptr);
  // Adds the events of fn's body to the graph, below the calls b.path,
  // as spliced instance `instance`; calls to the functions of the graph's
  // own call cycle place their bodies too, other calls splice the callee's
  // finished graph.
  BodyEnds place(Build &b, const FunctionSummary &fn, ThisClass self, uint32_t instance, size_t depth);
  // Copies callee `target`'s finished graph in at call `i` of fn
  // (GraphSplice.cpp, as is placeCycleMember).
  void splice(Build &b, const FunctionSummary &fn, uint32_t instance, uint32_t i, const FunctionSummary &target,
              const FlowGraph &sub, Piece &piece, bool &anyEmpty);
  // Places `target`, a function of the graph's own call cycle, at call i of
  // fn (or, past kCycleBodies, joins the body placed first).
  void placeCycleMember(Build &b, const FunctionSummary &fn, uint32_t instance, uint32_t i,
                        const FunctionSummary &target, ThisClass targetSelf, size_t depth, Piece &piece);
  // Binds node, spliced in at `call` of caller from callee `target`, to what
  // the call passes: its readiness guard, the object passed for a parameter
  // (with that object's facts), a literal destination. byGraphFunction: the
  // caller is the function whose graph this is (findings belong there).
  void bindCall(FlowNode &node, const FunctionSummary &caller, const Event &call, const FunctionSummary &target,
                bool byGraphFunction) const;
  // Binds a node of `body`, a function of the graph's call cycle placed
  // below the calls b.path, to what each of those calls passes.
  void bindToBody(const Build &b, FlowNode &node, const FunctionSummary &body) const;
  // Leaves out the junctions of placed bodies that cost no more as edges.
  void bypassBodyJunctions(FlowGraph &g);
  // The `this` class a function's graph depends on: null when it is the
  // function's own or the function makes no call that it could narrow.
  ThisClass narrowedThis(const FunctionSummary &fn, ThisClass self) const;
  // Whether what `this` is changes the function's graph: it makes a virtual
  // call on `this`, or a call on `this` to a function that does.
  bool dependsOnThis(const FunctionSummary &fn) const;
  FlowNode nodeFor(const FunctionSummary &fn, uint32_t index) const;
  // An interaction no analysis of a flow looks at in its graph: a
  // completion, a callback registration, a control call or a fact (what
  // they do is read from the summaries, program-wide), whose role no
  // caller's object can change. Its node would only lengthen the paths
  // between those that matter, and every caller would copy it.
  static bool inert(const FlowNode &node) { return inert(node.event()); }
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
  // The functions whose graphs are being built (a body placed in one is on
  // its Build's path instead): a call to one of them is recursion, and is
  // not followed.
  std::vector<const FunctionSummary *> stack_;
};

} // namespace flowshape
