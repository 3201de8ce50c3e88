// The linked program: every function summary of every translation unit,
// merged by USR, with calls resolved (virtual calls to their overriders) and
// each function's behaviour expanded through the functions it calls.
#pragma once

#include "flowshape/Summary.h"

#include "llvm/ADT/StringMap.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace flowshape {

struct WaitAfterPublish; // FlowAnalysis.h

// Bounds of a flow graph; a graph that reaches one is `truncated`, and the
// report says so.
constexpr size_t kGraphMaxNodes = 4000;
constexpr size_t kGraphMaxDepth = 400; // call chain depth (recursion on the stack)
// Past these a graph is `approximated` (and the report says so): it merges
// spliced interactions below the first call, or joins calls of its call
// cycle to a body placed before (GraphBuilder).
constexpr size_t kGraphExactNodes = 2000;
constexpr size_t kGraphCycleBodies = 256;

// One step of a call chain: `function` is called at `loc`.
struct ViaStep {
  std::string function;
  Location loc;
};

// Where the link enters or leaves the callees of a call (FlowNode::callJunction),
// or a body of the flow's own call cycle placed once in its graph.
enum class CallJunction : uint8_t { None, Entry, Exit, BodyEntry, BodyExit };

// What a flow knows of an interaction besides its call chain: a splice into
// a caller copies it as a whole, then binds what the caller passes.
struct NodeFacts {
  Role role = Role::Control; // after facts (a send on a ZeroMQ REQ socket is a broker-request)
  // The object as this flow names it: a callee's parameter is replaced by
  // what the call passes, so that facts (a socket's type and receive
  // timeout) are those of the caller's object, not of every object passed.
  std::string object;
  bool objectOpen = false;      // still a parameter: its caller decides the facts
  bool objectBoundHere = false; // decided by what this flow passed (findings belong here)
  std::string readyGuard; // the flow's readiness check around it (Event::readyGuard), outermost call first
  Timeout timeout = Timeout::NotApplicable; // after facts (receive timeout of a socket)
  std::string destination;    // after binding callee parameters to literal arguments
  std::string destinationKey; // object key when not a literal
  bool destinationFromFlow = false; // the literal is an argument written in the flow itself
  bool answered = false;        // a publish whose reply a callee already awaits
  // The fact that decides the role (a ZeroMQ socket's type) is set from a
  // value known only at run time: findings on it say so, at note level.
  std::string undecidedFact;
  bool answersRequest = false;  // a send that answers a received request (REP, ROUTER)
  bool replyOfAnswered = false; // the reply-wait of such a publish
  // Set by the analysis of the graph the node is in; become the two above
  // once the graph is spliced into a caller.
  bool answeredHere = false;
  bool replyHere = false;
  // A silent node where the link enters or leaves the callees of a call
  // (the event is the call): it stands for the many nodes on that side.
  CallJunction callJunction = CallJunction::None;
};

// An interaction as a flow sees it, possibly deep inside functions it calls.
struct FlowNode : NodeFacts {
  // The chain from the flow down to the interaction: path[0] is the flow's
  // own event, path[k] the event in the k-th callee, path.back() the
  // interaction itself.
  std::vector<std::pair<const FunctionSummary *, uint32_t>> path;
  // Which spliced instance of a function each level of `path` is (0: the
  // flow itself): one function called twice makes two instances.
  std::vector<uint32_t> instances;
  // The callees along path with their call sites; derived from path rather
  // than stored, since every splice into a caller would copy it.
  std::vector<ViaStep> via() const;

  const Event &event() const { return path.back().first->events[path.back().second]; }
  const Event &topEvent() const { return path.front().first->events[path.front().second]; }
  uint32_t top() const { return path.front().second; }
  bool direct() const { return path.size() == 1; }
  // A junction of the function's event graph (EventKind::Junction): no
  // interaction, only a point that paths pass through.
  bool silent() const { return callJunction != CallJunction::None || event().kind == EventKind::Junction; }
};

// A loop of one spliced function instance.
struct LoopInstance {
  uint32_t instance = 0;
  uint32_t loop = 0; // id in fn->loops
  const FunctionSummary *fn = nullptr;
  const Loop &info() const { return fn->loops[loop]; }
};

struct FlowEdge {
  uint32_t to = 0;
  std::vector<uint32_t> loops; // loop instances whose back edge the path takes, sorted
};

// A function's events with those of its callees spliced in, in CFG order.
struct FlowGraph {
  std::vector<FlowNode> nodes;
  std::vector<std::vector<FlowEdge>> next;
  std::vector<uint32_t> entry;
  std::vector<bool> exits;
  bool emptyPath = true;
  bool truncated = false; // hit the size or depth limit: callees beyond were not spliced in
  // Past a size (GraphBuilder::kCoarseAt, kCycleBodies) the graph merged
  // interactions of different call chains below the first call, or joined
  // calls of its call cycle to one body: a path may then run from one
  // chain's way in to another's way out (an over-approximation, reported).
  bool approximated = false;
  uint32_t instances = 1;
  uint32_t junctions = 0; // silent nodes among `nodes` (they do not count towards the bounds)
  std::vector<LoopInstance> loops;
  // What the analysis of this graph found when it was built (the flow's
  // own analysis reuses it).
  std::shared_ptr<const std::vector<WaitAfterPublish>> waits;

  // Loop instances around a node, outermost first.
  std::vector<uint32_t> loopsAround(const FlowNode &node) const;
  bool inLoop(const FlowNode &node, uint32_t loop) const;
  uint32_t loopInstance(uint32_t instance, const FunctionSummary *fn, uint32_t loop); // finds or adds
  // Keeps only the loop instances that a node lies in or an edge iterates,
  // and numbers instances densely: splicing copies every loop of every
  // callee, most of which no node of a large flow still lies in. Then
  // indexes them (a large flow holds thousands of loop instances, and the
  // searches ask for the loops around every publish and wait).
  void dropUnusedLoops();

private:
  void indexLoops();
  // The loop instance (instance, fn, loop): through the index, or through
  // every loop when `loops` changed since it was made.
  std::optional<uint32_t> findLoop(uint32_t instance, const FunctionSummary *fn, uint32_t loop) const;

  struct LoopKey {
    uint32_t instance;
    const FunctionSummary *fn;
    uint32_t loop;
    uint32_t index; // in loops
    bool operator<(const LoopKey &o) const {
      return std::tie(instance, fn, loop) < std::tie(o.instance, o.fn, o.loop);
    }
  };
  std::vector<LoopKey> loopIndex_; // sorted; valid while its size is that of loops
};

// What the link built (--stats): the cost of splicing callees' graphs into
// their callers, and the flow that reached the most.
struct LinkFigures {
  size_t graphs = 0;  // built: a function's own, for a narrower `this`, or cut by recursion
  size_t nodes = 0;   // in those graphs, all told
  size_t spliced = 0; // of which came from callees
  size_t silent = 0;  // of which are junctions (no interaction: where paths meet)
  size_t edges = 0;   // in those graphs, all told
  size_t approximated = 0; // graphs past a size bound (FlowGraph::approximated)
  size_t largest = 0; // nodes of the largest flow graph
  std::string largestFlow;
};

struct Completion {
  std::string function; // the callback that completes, e.g. "ReplyListener::onMessage"
  std::string usr;      // of that callback
  Location loc;         // the set_value / notify call
  bool byConsumer = false; // the completer consumes messages (not a delivery-report callback)
};

class Program {
public:
  explicit Program(std::vector<TranslationUnitSummary> units);
  ~Program();
  Program(const Program &) = delete;
  Program &operator=(const Program &) = delete;

  // Functions with bodies, in a stable order (file, line, name).
  const std::vector<const FunctionSummary *> &functions() const { return ordered_; }
  const FunctionSummary *function(const std::string &usr) const; // the first definition
  // Bodies a call may run: the callee's definitions and, for virtual calls,
  // its overriders.
  const std::vector<const FunctionSummary *> &targets(const Event &call) const;

  const FlowGraph &graph(const FunctionSummary &fn) const;
  // Indexes into functions(), callees before callers: the call graph's
  // cycles (strongly connected components) bottom-up, and in one cycle in
  // the order of functions(). Analysed in this order, every callee's graph
  // is finished before its callers splice it in.
  std::vector<size_t> bottomUpOrder() const;
  // The functions (indexes into functions()) that function `i` may call, once each.
  const std::vector<size_t> &calleesOf(size_t i) const { return callees_[i]; }
  // Forgets the graphs of one function (rebuilt on demand): what the link
  // does once no caller is left to splice them in.
  void releaseGraph(const FunctionSummary &fn) const;
  // Forgets every finished graph (they are rebuilt on demand): what the
  // link does when it runs out of memory.
  void releaseGraphs() const;

  // Object identity across assignments, parameters and return values.
  // Local identity leaves parameters out: two sockets passed to one helper
  // stay two sockets (the flow graph binds parameters call by call).
  bool sameObject(const std::string &a, const std::string &b) const;
  // The representative of a key's object: equal for the same object.
  std::string canonicalKey(const std::string &key) const { return canonical(key); }
  bool sameLocalObject(const std::string &a, const std::string &b) const;
  std::vector<const Fact *> factsOf(const std::string &key, const std::string &name) const;
  std::vector<const Fact *> localFactsOf(const std::string &key, const std::string &name) const;
  bool isConsumerCallback(const std::string &usr) const;
  bool isCalled(const std::string &usr) const { return called_.count(usr) != 0; } // by a project function
  // Whether the flow `flow` reports what the node does itself: a node of its
  // own, unless its object is a parameter that callers bind, or a callee's
  // node whose object this flow passed.
  bool reportsNode(const FlowNode &node) const;
  bool isAckCallback(const std::string &usr) const;
  // Who completes (set_value, notify, or a write of a polled flag) the
  // object `key`.
  const std::vector<Completion> &completionsOf(const std::string &key) const;

  const LinkFigures &linkFigures() const { return linkFigures_; }

  size_t translationUnits() const { return units_.size(); }
  const std::vector<TranslationUnitSummary> &units() const { return units_; }

private:
  friend class GraphBuilder;
  std::string canonical(const std::string &key) const;
  std::string canonicalLocal(const std::string &key) const;
  void resolveKeys();
  void collectCompletions();
  void bindParameterFacts();
  void findCycles();
  // For each cycle: whether none of its functions, nor any function they
  // call, has an interaction that is a node of a flow graph.
  void findSilentCycles(const std::vector<std::vector<const FunctionSummary *>> &members);
  std::vector<const FunctionSummary *> resolveTargets(const Event &call) const;
  // Functions of one call cycle (strongly connected component) share an id.
  uint32_t cycleOf(const FunctionSummary *fn) const { return cycles_.at(fn); }
  bool reachesNoInteraction(const FunctionSummary *fn) const { return silentCycles_[cycleOf(fn)]; }

  std::vector<TranslationUnitSummary> units_;
  // Definitions by USR: one, or several when separate programs of one
  // database define the same name (every example's main).
  std::map<std::string, std::vector<const FunctionSummary *>> byUsr_;
  std::vector<const FunctionSummary *> ordered_;
  std::map<std::string, std::vector<const FunctionSummary *>> overriders_;
  // Hashed: asked of for every key of every node and call; never iterated.
  llvm::StringMap<std::vector<const Fact *>> facts_; // canonical key -> facts
  std::set<std::string> consumerCallbacks_, ackCallbacks_, called_;
  std::map<std::string, std::vector<Completion>> completions_; // canonical key
  llvm::StringMap<std::vector<const Fact *>> storesBy_;  // function USR -> its stored-by facts
  mutable llvm::StringMap<std::string> parent_;          // union-find over keys
  mutable llvm::StringMap<std::string> localParent_;     // the same without parameter bindings
  llvm::StringMap<std::vector<const Fact *>> localFacts_; // local canonical key -> facts
  mutable std::map<const FunctionSummary *, std::unique_ptr<FlowGraph>> graphs_;
  // Graphs of a function run for a narrower `this` than its own class (a
  // base's helper called on a derived object): by function and that class.
  mutable std::map<std::pair<const FunctionSummary *, std::string>, std::unique_ptr<FlowGraph>> thisGraphs_;
  mutable std::map<const FunctionSummary *, bool> dependsOnThis_; // memo of GraphBuilder::dependsOnThis
  std::map<const FunctionSummary *, uint32_t> cycles_;
  std::vector<bool> silentCycles_; // by cycle id
  std::vector<std::vector<size_t>> callees_; // by index in ordered_
  // Targets of each call event asked for (node-based, so a reference
  // handed out stays valid while others are added).
  mutable std::unordered_map<const Event *, std::vector<const FunctionSummary *>> targets_;
  mutable LinkFigures linkFigures_;
};

} // namespace flowshape
