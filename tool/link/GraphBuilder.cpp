#include "link/GraphBuilder.h"
#include "link/GraphEdges.h"
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

// Where one event of a function lands in its expanded graph.
struct Piece {
  std::vector<uint32_t> entries;
  std::vector<uint32_t> exits;
  bool empty = true; // control can pass the event without any node
};

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

// What a spliced node is for the analysis once its call chain is deep:
// the first levels of the chain, the interaction itself, and everything
// the caller bound on it. Two nodes alike in all of this are one node.
using MergeKey = std::tuple<std::vector<std::pair<const FunctionSummary *, uint32_t>>,
                            std::pair<const FunctionSummary *, uint32_t>, Role, std::string, std::string, std::string,
                            std::string, std::string, Timeout, unsigned>;

MergeKey mergeKeyOf(const FlowNode &node, size_t contextDepth) {
  std::vector<std::pair<const FunctionSummary *, uint32_t>> prefix(
      node.path.begin(), node.path.begin() + static_cast<std::ptrdiff_t>(std::min(contextDepth, node.path.size())));
  unsigned flags = (node.objectOpen ? 1u : 0u) | (node.objectBoundHere ? 2u : 0u) |
                   (node.destinationFromFlow ? 4u : 0u) | (node.answered ? 8u : 0u) |
                   (node.replyOfAnswered ? 16u : 0u) | (node.answersRequest ? 32u : 0u) |
                   (static_cast<unsigned>(node.callJunction) << 6);
  return {std::move(prefix), node.path.back(), node.role, node.object, node.readyGuard, node.destination,
          node.destinationKey, node.undecidedFact, node.timeout, flags};
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

bool GraphBuilder::inert(const FlowNode &node) {
  switch (node.role) {
  case Role::Complete:
  case Role::CallbackSetup:
  case Role::Control:
  case Role::Fact:
    break;
  default:
    return false;
  }
  const Event &e = node.event();
  return e.decidingFact.empty() && !e.returnsAck && e.waitKind.empty();
}

const FlowGraph &GraphBuilder::build(const FunctionSummary &fn) {
  bool incomplete = false;
  std::shared_ptr<const FlowGraph> graph = expand(fn, 0, incomplete);
  auto &slot = program_.graphs_[&fn];
  if (!slot)
    slot = std::make_unique<FlowGraph>(*graph);
  return *slot;
}

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

std::shared_ptr<const FlowGraph> GraphBuilder::expand(const FunctionSummary &fn, size_t depth, bool &incomplete,
                                                      ThisClass self) {
  if (self && (self->empty() || (!fn.classes.empty() && self->front() == fn.classes.front()) || !dependsOnThis(fn)))
    self = nullptr;
  const std::vector<std::string> &thisChain = self ? *self : fn.classes;
  std::pair<const FunctionSummary *, std::string> key{&fn, self ? self->front() : std::string()};
  auto finished = [&]() -> FlowGraph * {
    if (!self) {
      auto it = program_.graphs_.find(&fn);
      return it == program_.graphs_.end() ? nullptr : it->second.get();
    }
    auto it = program_.thisGraphs_.find(key);
    return it == program_.thisGraphs_.end() ? nullptr : it->second.get();
  };
  // A finished graph serves every caller, except callers in its own call
  // cycle: expanded from inside the cycle, the function stops at a
  // different repetition than its own graph does.
  bool inCycleOfStack = std::any_of(stack_.begin(), stack_.end(), [&](const FunctionSummary *f) {
    return program_.cycleOf(f) == program_.cycleOf(&fn);
  });
  if (FlowGraph *done = finished(); done && !inCycleOfStack)
    return std::shared_ptr<const FlowGraph>(std::shared_ptr<const FlowGraph>(), done);
  if (auto it = partial_.find(key); it != partial_.end()) {
    incomplete = true;
    return it->second;
  }
  stack_.push_back(&fn);
  bool cut = false; // a recursive call was not spliced in
  auto graph = std::make_shared<FlowGraph>();
  FlowGraph &g = *graph;
  std::vector<uint32_t> ownLoops; // this function's loops, as loop instances
  for (uint32_t l = 0; l < fn.loops.size(); ++l)
    ownLoops.push_back(g.loopInstance(0, &fn, l));
  auto mapLoops = [&](const std::vector<uint32_t> &local) {
    LoopSet out;
    for (uint32_t l : local)
      out.push_back(ownLoops[l]);
    std::sort(out.begin(), out.end());
    return out;
  };
  std::vector<Piece> pieces(fn.events.size());
  // Spliced nodes deeper than the context depth, by what they are: a
  // diamond of helpers reaches one interaction by many call chains, and
  // the analysis needs it once (with the first chain as its evidence).
  std::map<MergeKey, uint32_t> merged;
  EdgeSet edges;

  auto newNode = [&](FlowNode node) {
    g.junctions += node.silent() ? 1 : 0;
    g.nodes.push_back(std::move(node));
    g.next.emplace_back();
    g.exits.push_back(false);
    return static_cast<uint32_t>(g.nodes.size() - 1);
  };

  for (uint32_t i = 0; i < fn.events.size(); ++i) {
    const Event &e = fn.events[i];
    Piece &piece = pieces[i];
    if (e.kind == EventKind::Junction) {
      FlowNode node;
      node.path.emplace_back(&fn, i);
      node.instances = {0};
      uint32_t id = newNode(std::move(node));
      piece = {{id}, {id}, false};
      continue;
    }
    if (e.kind == EventKind::Interaction) {
      FlowNode node = nodeFor(fn, i);
      if (dropInert_ && inert(node))
        continue; // an empty piece: paths pass where it was
      node.instances = {0};
      uint32_t id = newNode(std::move(node));
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
      if (std::find(stack_.begin(), stack_.end(), target) != stack_.end()) {
        cut = true;
        anyEmpty = true;
        continue;
      }
      if (depth + 1 >= kMaxDepth || g.nodes.size() - g.junctions >= kMaxNodes) {
        g.truncated = true;
        anyEmpty = true;
        continue;
      }
      bool subIncomplete = false;
      std::shared_ptr<const FlowGraph> sub = expand(*target, depth + 1, subIncomplete, targetSelf);
      cut = cut || subIncomplete;
      g.truncated = g.truncated || sub->truncated;
      // The callee's instances and loops get fresh numbers in this graph.
      uint32_t instanceOffset = g.instances;
      g.instances += sub->instances;
      auto loopOffset = static_cast<uint32_t>(g.loops.size());
      for (const LoopInstance &loop : sub->loops)
        g.loops.push_back({loop.instance + instanceOffset, loop.loop, loop.fn});
      // Past a size, merge on the first call level only: the graph then
      // grows with the interactions a flow reaches, not with its call chains.
      size_t contextDepth = g.nodes.size() - g.junctions < kCoarseAt ? kContextDepth : 1;
      // Silent nodes that would land below the context depth are not
      // copied: the paths through them become edges between the nodes
      // around them (see bypassed below).
      std::vector<uint32_t> ids;
      ids.reserve(sub->nodes.size());
      std::vector<bool> bypassed(sub->nodes.size(), false);
      for (const FlowNode &inner : sub->nodes) {
        bool deep = inner.path.size() + 1 > contextDepth + 1;
        if (inner.silent() && deepJunctions_ != DeepJunctions::Keep &&
            (deep || deepJunctions_ == DeepJunctions::BypassAll)) {
          bypassed[ids.size()] = true;
          ids.push_back(UINT32_MAX);
          continue;
        }
        // The chain gets this call in front: built at its final size, since
        // copying and then inserting would allocate each vector twice.
        FlowNode node;
        node.path.reserve(inner.path.size() + 1);
        node.path.emplace_back(&fn, i);
        node.path.insert(node.path.end(), inner.path.begin(), inner.path.end());
        node.instances.reserve(inner.instances.size() + 1);
        node.instances.push_back(0);
        for (uint32_t instance : inner.instances)
          node.instances.push_back(instance + instanceOffset);
        static_cast<NodeFacts &>(node) = inner;
        node.destinationFromFlow = false;
        node.answered = inner.answered || inner.answeredHere;
        node.replyOfAnswered = inner.replyOfAnswered || inner.replyHere;
        node.answeredHere = node.replyHere = false;
        node.objectBoundHere = false;
        if (!e.readyGuard.empty())
          node.readyGuard = e.readyGuard;
        // A parameter's facts are those of what this call passes: a REQ
        // socket handed to a send helper makes that send a broker request
        // here, and a PUB socket handed to the same helper a publish.
        for (size_t k = 0; k < target->params.size() && k < e.args.size(); ++k)
          if (node.objectOpen && target->params[k] == node.object && !e.args[k].key.empty()) {
            node.object = e.args[k].key;
            node.objectOpen = std::find(fn.params.begin(), fn.params.end(), node.object) != fn.params.end();
            node.objectBoundHere = !node.objectOpen;
            applyObjectFacts(node);
            break;
          }
        // Bind the callee's parameters to what this call passes:
        // bus.publish("order.placed") names the destination of the wrapper.
        if (node.destination.empty() && !node.destinationKey.empty())
          for (size_t k = 0; k < target->params.size() && k < e.args.size(); ++k)
            if (target->params[k] == node.destinationKey) {
              if (!e.args[k].literal.empty()) {
                node.destination = e.args[k].literal;
                node.destinationKey.clear();
                node.destinationFromFlow = true;
              } else {
                node.destinationKey = e.args[k].key;
              }
              break;
            }
        if (node.path.size() > contextDepth + 1) {
          auto [it, inserted] = merged.try_emplace(mergeKeyOf(node, contextDepth), g.nodes.size());
          if (!inserted) {
            ids.push_back(it->second);
            continue;
          }
        }
        ids.push_back(newNode(std::move(node)));
      }
      auto offsetLoops = [&](const std::vector<uint32_t> &inner) {
        LoopSet loops;
        for (uint32_t l : inner)
          loops.push_back(l + loopOffset);
        return loops;
      };
      BypassClosure closure(*sub, bypassed);
      for (uint32_t n = 0; n < sub->nodes.size(); ++n) {
        if (bypassed[n])
          continue;
        bool exit = sub->exits[n];
        for (const FlowEdge &edge : sub->next[n]) {
          LoopSet loops = offsetLoops(edge.loops);
          if (!bypassed[edge.to]) {
            edges.add(ids[n], ids[edge.to], loops);
            continue;
          }
          const BypassClosure::Reach &reach = closure.from(edge.to);
          for (const auto &[to, more] : reach.nodes)
            edges.add(ids[n], ids[to], unite(loops, offsetLoops(more)));
          exit = exit || reach.exit;
        }
        if (exit)
          piece.exits.push_back(ids[n]);
      }
      // Entries that are bypassed: what they lead to. The loops of those
      // paths are the callee's, and no search from outside the call looks at them.
      for (uint32_t n : sub->entry) {
        if (!bypassed[n]) {
          piece.entries.push_back(ids[n]);
          continue;
        }
        const BypassClosure::Reach &reach = closure.from(n);
        for (const auto &reached : reach.nodes)
          piece.entries.push_back(ids[reached.first]);
        anyEmpty = anyEmpty || reach.exit;
      }
      anyEmpty = anyEmpty || sub->emptyPath;
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
      node.path.emplace_back(&fn, i);
      node.instances = {0};
      node.callJunction = kind;
      uint32_t id = newNode(std::move(node));
      for (uint32_t n : ends)
        kind == CallJunction::Entry ? edges.add(id, n, {}) : edges.add(n, id, {});
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
        edges.add(from, to, loops);
      if (exit)
        g.exits[from] = true;
    }
  }
  {
    std::vector<std::pair<uint32_t, LoopSet>> starts;
    for (uint32_t s : fn.entry)
      starts.emplace_back(s, LoopSet{});
    std::set<std::pair<uint32_t, LoopSet>> found;
    bool exit = explore(starts, found);
    for (const auto &[n, loops] : found)
      if (std::find(g.entry.begin(), g.entry.end(), n) == g.entry.end())
        g.entry.push_back(n);
    g.emptyPath = fn.emptyPath || exit;
  }
  edges.writeTo(g);
  std::sort(g.entry.begin(), g.entry.end());
  g.dropUnusedLoops();

  // Publishes whose reply this function itself awaits are answered: to
  // callers, the function is a broker request, not an open publish.
  g.waits = std::make_shared<const std::vector<WaitAfterPublish>>(markAnswered(program_, g));

  stack_.pop_back();
  LinkFigures &figures = program_.linkFigures_;
  ++figures.graphs;
  figures.nodes += g.nodes.size();
  figures.silent += g.junctions;
  for (const auto &edges : g.next)
    figures.edges += edges.size();
  figures.spliced += static_cast<size_t>(
      std::count_if(g.nodes.begin(), g.nodes.end(), [](const FlowNode &n) { return n.path.size() > 1; }));
  // Depends on the functions being expanded: this build only.
  if ((cut || inCycleOfStack) && depth > 0) {
    incomplete = true;
    partial_[key] = graph;
    return graph;
  }
  auto &slot = self ? program_.thisGraphs_[key] : program_.graphs_[&fn];
  if (!slot)
    slot = std::make_unique<FlowGraph>(std::move(*graph));
  return std::shared_ptr<const FlowGraph>(std::shared_ptr<const FlowGraph>(), slot.get());
}

} // namespace flowshape
