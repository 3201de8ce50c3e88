#include "link/GraphBuild.h"
#include "link/WaitFinder.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <set>
#include <tuple>

namespace flowshape {

namespace {

// Destinations named elsewhere: what names an object (a Topic* made by
// Topic::create("orders"), a partition list holding "orders", a message
// builder made for "orders"). Object identity is context-insensitive, so
// several facts may apply: prefer the one written nearest before the event
// in its own file.
const Fact *nearestFact(const std::vector<const Fact *> &facts, const Location &at) {
  const Fact *best = facts.empty() ? nullptr : facts.front();
  for (const Fact *f : facts)
    if (f->loc.file == at.file && f->loc.line <= at.line &&
        (best->loc.file != at.file || best->loc.line > at.line || f->loc.line > best->loc.line))
      best = f;
  return best;
}

// A name that is itself a variable stays a key, so that callers can bind it.
void takeDestination(FlowNode &node, const Fact &fact) {
  if (fact.valueKey.empty()) {
    node.destination = fact.value;
    node.destinationKey.clear();
  } else {
    node.destinationKey = fact.valueKey;
  }
}

} // namespace

GraphBuilder::GraphBuilder(const Program &program) : program_(program) {
  // Junctions at every call or at none, inert nodes kept: tests check
  // neither changes an answer.
  if (const char *mode = std::getenv("FLOWSHAPE_CALL_JUNCTIONS"))
    junctionAt_ = std::string(mode) == "always" ? 1 : std::string(mode) == "never" ? SIZE_MAX : kJunctionAt;
  if (const char *mode = std::getenv("FLOWSHAPE_DEEP_JUNCTIONS"))
    deepJunctions_ = std::string(mode) == "keep"     ? DeepJunctions::Keep
                     : std::string(mode) == "bypass" ? DeepJunctions::BypassAll
                                                     : DeepJunctions::Bypass;
  if (const char *mode = std::getenv("FLOWSHAPE_INERT_NODES"))
    dropInert_ = std::string(mode) != "keep";
}

bool GraphBuilder::inert(const Event &e) {
  switch (e.role) {
  case Role::Complete:
  case Role::CallbackSetup:
  case Role::Control:
  case Role::Fact:
    break;
  default:
    return false;
  }
  return e.decidingFact.empty() && !e.returnsAck && e.waitKind.empty();
}

const FlowGraph &GraphBuilder::build(const FunctionSummary &fn) { return expand(fn, 0); }

FlowNode GraphBuilder::nodeFor(const FunctionSummary &fn, uint32_t index) const {
  const Event &e = fn.events[index];
  FlowNode node;
  node.path.emplace_back(&fn, index);
  node.role = e.role;
  node.timeout = e.timeout;
  node.destination = e.destination;
  node.destinationKey = e.destinationKey;
  node.destinationFromFlow = !e.destination.empty();
  node.object = e.object;
  node.readyGuard = e.readyGuard;
  node.objectOpen = !e.object.empty() && std::find(fn.params.begin(), fn.params.end(), e.object) != fn.params.end();
  applyObjectFacts(node);
  // A call that names no destination sends to what its object names: a
  // topic object (mqtt::topic), a service client made for one service.
  if (node.destination.empty() && node.destinationKey.empty() &&
      (node.role == Role::Publish || node.role == Role::BrokerRequest))
    if (const Fact *fact = nearestFact(program_.factsOf(node.object, "destination"), e.loc))
      takeDestination(node, *fact);
  // What names the destination may itself be named by another object: a
  // Pub/Sub publisher made from a connection made from a topic.
  for (int hop = 0; hop < 4 && node.destination.empty() && !node.destinationKey.empty(); ++hop) {
    const Fact *fact = nearestFact(program_.factsOf(node.destinationKey, "destination"), e.loc);
    if (!fact || fact->valueKey == node.destinationKey)
      break;
    takeDestination(node, *fact);
  }
  return node;
}

void GraphBuilder::applyObjectFacts(FlowNode &node) const {
  const Event &e = node.event();
  // The object's own facts (with those helpers record on it through their
  // parameters); for a parameter, what its callers' objects say when they
  // all agree (each caller binds its own object when the graph is spliced).
  auto factsOf = [&](const std::string &name) {
    std::vector<const Fact *> facts = program_.localFactsOf(node.object, name);
    if (!facts.empty() || !node.objectOpen)
      return facts;
    facts = program_.factsOf(node.object, name);
    bool agree = std::all_of(facts.begin(), facts.end(), [&](const Fact *f) { return f->value == facts.front()->value; });
    if (!agree)
      facts.clear();
    return facts;
  };
  // A role decided by a fact on the object: the type of a ZeroMQ socket, whether a
  // hiredis connection subscribed (its replies are then messages).
  node.role = e.role;
  node.undecidedFact.clear();
  node.answersRequest = false;
  if (!e.decidingFact.empty()) {
    auto facts = factsOf(e.decidingFact);
    // A constant value decides (the first one set); a run-time one does not.
    auto decider = std::find_if(facts.begin(), facts.end(), [](const Fact *f) { return f->valueKey.empty(); });
    if (decider == facts.end() && !facts.empty())
      decider = facts.begin();
    if (decider != facts.end()) {
      for (const auto &[pattern, role] : e.factRoles)
        if (llvm::Regex(pattern).match((*decider)->value)) {
          node.role = role;
          break;
        }
      if (!e.answersWhen.empty() && llvm::Regex(e.answersWhen).match((*decider)->value))
        node.answersRequest = true;
    }
    // zmq_socket(ctx, opts.type): a value that is no constant leaves the
    // role open, unless another place sets a constant that decides it.
    bool constant = std::any_of(facts.begin(), facts.end(), [](const Fact *f) { return f->valueKey.empty(); });
    if (!facts.empty() && !constant)
      node.undecidedFact = e.decidingFact;
  }
  // The queue a connection or subscription consumes from (amqp_basic_consume,
  // rd_kafka_subscribe).
  if (node.destination.empty() && node.destinationKey.empty() && node.role == Role::Receive)
    if (const Fact *fact = nearestFact(factsOf("consumes"), e.loc))
      takeDestination(node, *fact);
  // A timeout held by the object: a socket's receive timeout, -1 (the
  // default) meaning forever.
  node.timeout = e.timeout;
  if (e.timeout == Timeout::FromFact) {
    node.timeout = Timeout::Unbounded;
    for (const Fact *fact : factsOf(e.timeoutFact)) {
      long long value = 0;
      if (llvm::StringRef(fact->value).getAsInteger(10, value)) {
        node.timeout = Timeout::Unknown;
        continue;
      }
      node.timeout = value < 0 ? Timeout::Unbounded : Timeout::Bounded;
      if (value >= 0)
        break;
    }
  }
}

bool GraphBuilder::dependsOnThis(const FunctionSummary &fn) const {
  auto [it, inserted] = program_.dependsOnThis_.try_emplace(&fn, false); // false while in progress (recursion)
  if (!inserted)
    return it->second;
  bool depends = false;
  for (const Event &e : fn.events) {
    if (e.kind != EventKind::Call || e.object != "this")
      continue;
    if (e.isVirtual) {
      depends = true;
      break;
    }
    for (const FunctionSummary *target : program_.targets(e))
      if (!target->classes.empty() && dependsOnThis(*target))
        depends = true;
    if (depends)
      break;
  }
  program_.dependsOnThis_[&fn] = depends;
  return depends;
}

GraphBuilder::ThisClass GraphBuilder::narrowedThis(const FunctionSummary &fn, ThisClass self) const {
  if (self && (self->empty() || (!fn.classes.empty() && self->front() == fn.classes.front()) || !dependsOnThis(fn)))
    return nullptr;
  return self;
}

const FlowGraph &GraphBuilder::expand(const FunctionSummary &fn, size_t depth, ThisClass self) {
  self = narrowedThis(fn, self);
  std::pair<const FunctionSummary *, std::string> key{&fn, self ? self->front() : std::string()};
  // A finished graph serves every caller: the functions of fn's own call
  // cycle are placed in it, and none of them can be a caller being
  // expanded (that caller would be in the cycle, and would have placed fn).
  FlowGraph *done = nullptr;
  if (!self) {
    if (auto it = program_.graphs_.find(&fn); it != program_.graphs_.end())
      done = it->second.get();
  } else if (auto it = program_.thisGraphs_.find(key); it != program_.thisGraphs_.end()) {
    done = it->second.get();
  }
  if (done)
    return *done;

  stack_.push_back(&fn);
  auto graph = std::make_unique<FlowGraph>();
  FlowGraph &g = *graph;
  Build b(fn, g);
  BodyEnds ends = place(b, fn, self, 0, depth);
  for (uint32_t n : ends.entries)
    if (std::find(g.entry.begin(), g.entry.end(), n) == g.entry.end())
      g.entry.push_back(n);
  for (uint32_t n : ends.exits)
    g.exits[n] = true;
  g.emptyPath = ends.empty;
  b.edges.writeTo(g);
  std::sort(g.entry.begin(), g.entry.end());
  if (!b.placed.empty() && deepJunctions_ != DeepJunctions::Keep)
    bypassBodyJunctions(g);
  g.dropUnusedLoops();

  // Publishes whose reply this function itself awaits are answered: to
  // callers, the function is a broker request, not an open publish.
  std::vector<bool> placed;
  if (!b.placed.empty()) {
    placed.resize(g.nodes.size());
    for (uint32_t n = 0; n < g.nodes.size(); ++n)
      placed[n] = g.nodes[n].path.size() > 1 && program_.cycleOf(g.nodes[n].path[1].first) == program_.cycleOf(&fn);
  }
  g.waits = std::make_shared<const std::vector<WaitAfterPublish>>(
      markAnswered(program_, g, b.placed.empty() ? nullptr : &placed));

  stack_.pop_back();
  LinkFigures &figures = program_.linkFigures_;
  ++figures.graphs;
  figures.nodes += g.nodes.size();
  figures.silent += g.junctions;
  for (const auto &edges : g.next)
    figures.edges += edges.size();
  figures.approximated += g.approximated ? 1 : 0;
  figures.spliced += static_cast<size_t>(
      std::count_if(g.nodes.begin(), g.nodes.end(), [](const FlowNode &n) { return n.path.size() > 1; }));
  // Not built yet when this began (checked above), and a call back to fn
  // while it was built is recursion: the slot is free.
  auto &slot = self ? program_.thisGraphs_[key] : program_.graphs_[&fn];
  slot = std::move(graph);
  return *slot;
}

// The ways into and out of the bodies placed in g join the calls to each
// body: where one joins a single call (or leads to a single node), its
// paths are as cheap as edges, and the node is left out. A cycle of helpers
// without interactions then leaves no node in the graphs of its functions.
void GraphBuilder::bypassBodyJunctions(FlowGraph &g) {
  std::vector<size_t> in(g.nodes.size(), 0);
  for (const auto &edges : g.next)
    for (const FlowEdge &edge : edges)
      ++in[edge.to];
  std::vector<bool> bypassed(g.nodes.size(), false);
  bool any = false;
  for (uint32_t n = 0; n < g.nodes.size(); ++n) {
    CallJunction kind = g.nodes[n].callJunction;
    if (kind != CallJunction::BodyEntry && kind != CallJunction::BodyExit)
      continue;
    size_t out = g.next[n].size();
    bypassed[n] = in[n] <= 1 || out <= 1 || in[n] * out <= in[n] + out;
    any = any || bypassed[n];
  }
  if (any)
    bypassNodes(g, bypassed);
}

GraphBuilder::BodyEnds GraphBuilder::place(Build &b, const FunctionSummary &fn, ThisClass self, uint32_t instance,
                                           size_t depth) {
  FlowGraph &g = b.g;
  const std::vector<std::string> &thisChain = self ? *self : fn.classes;
  std::vector<uint32_t> ownLoops; // this body's loops, as loop instances
  for (uint32_t l = 0; l < fn.loops.size(); ++l)
    ownLoops.push_back(g.loopInstance(instance, &fn, l));
  auto mapLoops = [&](const std::vector<uint32_t> &local) {
    LoopSet out;
    for (uint32_t l : local)
      out.push_back(ownLoops[l]);
    std::sort(out.begin(), out.end());
    return out;
  };
  std::vector<Piece> pieces(fn.events.size());

  for (uint32_t i = 0; i < fn.events.size(); ++i) {
    const Event &e = fn.events[i];
    Piece &piece = pieces[i];
    if (e.kind == EventKind::Junction) {
      FlowNode node;
      b.locate(node, fn, i, instance);
      uint32_t id = b.newNode(std::move(node));
      piece = {{id}, {id}, false};
      continue;
    }
    if (e.kind == EventKind::Interaction) {
      FlowNode node = nodeFor(fn, i);
      if (dropInert_ && inert(node))
        continue; // an empty piece: paths pass where it was
      b.locate(node, fn, i, instance);
      node.destinationFromFlow = node.destinationFromFlow && b.path.empty();
      bindToBody(b, node, fn);
      uint32_t id = b.newNode(std::move(node));
      piece = {{id}, {id}, false};
      continue;
    }
    // The call can pass without events when some target can (or when a
    // target is not spliced in: recursion, limits).
    bool anyEmpty = false;
    // A call on `this` runs on what `this` may be here: a virtual one reaches
    // only the overriders of that class's line (not a sibling class's), and
    // a base's method called on it keeps the narrower class.
    bool onThis = e.object == "this" && !thisChain.empty();
    for (const FunctionSummary *target : program_.targets(e)) {
      ThisClass targetSelf = nullptr;
      if (onThis && !target->classes.empty()) {
        bool derived = std::find(target->classes.begin(), target->classes.end(), thisChain.front()) !=
                       target->classes.end();
        bool base = std::find(thisChain.begin(), thisChain.end(), target->classes.front()) != thisChain.end();
        if (e.isVirtual && !derived && !base)
          continue;
        if (base && !derived)
          targetSelf = &thisChain;
      }
      // A function that reaches no interaction is passed, as a call with no
      // body is: its graph, or its body placed, would add only paths (the
      // loops on them are its own), and calls joined to a body placed once
      // would lead back to each other's continuations.
      if (dropInert_ && program_.reachesNoInteraction(target)) {
        anyEmpty = true;
        continue;
      }
      if (b.recursive(target, fn) || std::find(stack_.begin(), stack_.end(), target) != stack_.end()) {
        anyEmpty = true; // recursion: the call is not followed
        continue;
      }
      if (depth + 1 >= kMaxDepth || g.nodes.size() - g.junctions >= kMaxNodes) {
        g.truncated = true;
        anyEmpty = true;
        continue;
      }
      if (program_.cycleOf(target) == program_.cycleOf(&b.fn)) {
        placeCycleMember(b, fn, instance, i, *target, targetSelf, depth + 1, piece);
        continue;
      }
      splice(b, fn, instance, i, *target, expand(*target, depth + 1, targetSelf), piece, anyEmpty);
    }
    for (auto *list : {&piece.entries, &piece.exits}) {
      std::sort(list->begin(), list->end());
      list->erase(std::unique(list->begin(), list->end()), list->end());
    }
    // A call with no known body runs nothing flowshape can see.
    piece.empty = piece.entries.empty() || anyEmpty;
    // Where many nodes enter or leave the callees, one silent node stands
    // for the call's start or end: every way in or out then costs one edge,
    // not one per node on the other side (the product of a callee's exits
    // and the next callee's entries grows with every level spliced).
    auto junction = [&](CallJunction kind, std::vector<uint32_t> &ends) {
      if (ends.size() < junctionAt_)
        return;
      FlowNode node;
      b.locate(node, fn, i, instance);
      node.callJunction = kind;
      uint32_t id = b.newNode(std::move(node));
      for (uint32_t n : ends)
        kind == CallJunction::Entry ? b.edges.add(id, n, {}) : b.edges.add(n, id, {});
      ends = {id};
    };
    junction(CallJunction::Entry, piece.entries);
    junction(CallJunction::Exit, piece.exits);
  }

  // Connect pieces along the function's own event graph, passing through
  // events that can be empty, and keeping the loops each path iterates.
  auto explore = [&](const std::vector<std::pair<uint32_t, LoopSet>> &starts,
                     std::set<std::pair<uint32_t, LoopSet>> &found) {
    bool exit = false;
    LoopSearch search;
    for (const auto &[j, loops] : starts)
      search.push(j, loops);
    uint32_t j = 0;
    LoopSet loops;
    while (search.pop(j, loops)) {
      for (uint32_t n : pieces[j].entries)
        found.insert({n, loops});
      if (!pieces[j].empty)
        continue;
      if (fn.exits[j])
        exit = true;
      for (const Edge &edge : fn.next[j])
        search.push(edge.to, unite(loops, mapLoops(edge.loops)));
    }
    return exit;
  };

  BodyEnds ends;
  for (uint32_t i = 0; i < fn.events.size(); ++i) {
    if (pieces[i].exits.empty())
      continue;
    std::vector<std::pair<uint32_t, LoopSet>> starts;
    for (const Edge &edge : fn.next[i])
      starts.emplace_back(edge.to, mapLoops(edge.loops));
    std::set<std::pair<uint32_t, LoopSet>> found;
    bool exit = explore(starts, found) || fn.exits[i];
    for (uint32_t from : pieces[i].exits) {
      for (const auto &[to, loops] : found)
        b.edges.add(from, to, loops);
      if (exit)
        ends.exits.push_back(from);
    }
  }
  std::vector<std::pair<uint32_t, LoopSet>> starts;
  for (uint32_t s : fn.entry)
    starts.emplace_back(s, LoopSet{});
  std::set<std::pair<uint32_t, LoopSet>> found;
  bool exit = explore(starts, found);
  for (const auto &[n, loops] : found)
    ends.entries.push_back(n);
  ends.empty = fn.emptyPath || exit;
  return ends;
}

} // namespace flowshape
