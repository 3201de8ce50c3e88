// How GraphBuilder joins what a call reaches to the caller's graph: the
// finished graph of a callee outside the caller's call cycle is copied in,
// with what the call binds; a function of the cycle has its body placed
// in the caller's graph.
#include "link/GraphBuild.h"

#include <algorithm>
#include <cstdint>

namespace flowshape {

void GraphBuilder::placeCycleMember(Build &b, const FunctionSummary &fn, uint32_t instance, uint32_t i,
                                    const FunctionSummary &target, ThisClass targetSelf, size_t depth,
                                    Piece &piece) {
  targetSelf = narrowedThis(target, targetSelf);
  std::pair<const FunctionSummary *, std::string> key{&target, targetSelf ? targetSelf->front() : std::string()};
  auto [it, fresh] = b.placed.try_emplace(key);
  // A body placed before is placed again for this call while the graph is
  // small: joined, its exit would lead back to every call of it, and a
  // path entering it from one caller could leave to another's
  // continuation. Past the bound, calls join the body placed first, which
  // keeps a large cycle at one body per function.
  bool again = !fresh && b.bodies < kCycleBodies && b.g.nodes.size() < kCoarseAt;
  if (!fresh && !again) {
    b.g.approximated = true;
    piece.entries.push_back(it->second.first);
    piece.exits.push_back(it->second.second);
    return;
  }
  ++b.bodies;
  // The body is entered and left through two silent nodes, made before it
  // is placed; a call back to it from inside is recursion (its function is
  // on the chain).
  auto junction = [&](CallJunction kind) {
    FlowNode node;
    b.locate(node, fn, i, instance);
    node.callJunction = kind;
    return b.newNode(std::move(node));
  };
  uint32_t entry = junction(CallJunction::BodyEntry), exit = junction(CallJunction::BodyExit);
  if (fresh)
    it->second = {entry, exit};
  uint32_t placedInstance = b.g.instances++;
  const std::string &guard = fn.events[i].readyGuard;
  const std::string *outer = b.outerGuards.empty() ? nullptr : b.outerGuards.back();
  b.outerGuards.push_back(outer ? outer : guard.empty() ? nullptr : &guard);
  b.path.emplace_back(&fn, i);
  b.instances.push_back(instance);
  BodyEnds ends = place(b, target, targetSelf, placedInstance, depth);
  b.path.pop_back();
  b.instances.pop_back();
  b.outerGuards.pop_back();
  // The loops on the way in and out are the body's own: no search from
  // outside it can tell them apart (as for a spliced graph).
  for (uint32_t n : ends.entries)
    b.edges.add(entry, n, {});
  for (uint32_t n : ends.exits)
    b.edges.add(n, exit, {});
  if (ends.empty)
    b.edges.add(entry, exit, {});
  piece.entries.push_back(entry);
  piece.exits.push_back(exit);
}

void GraphBuilder::bindCall(FlowNode &node, const FunctionSummary &caller, const Event &call,
                            const FunctionSummary &target, bool byGraphFunction) const {
  if (!call.readyGuard.empty())
    node.readyGuard = call.readyGuard;
  // A parameter's facts are those of what this call passes: a REQ
  // socket handed to a send helper makes that send a broker request
  // here, and a PUB socket handed to the same helper a publish.
  for (size_t k = 0; k < target.params.size() && k < call.args.size(); ++k)
    if (node.objectOpen && target.params[k] == node.object && !call.args[k].key.empty()) {
      node.object = call.args[k].key;
      node.objectOpen = std::find(caller.params.begin(), caller.params.end(), node.object) != caller.params.end();
      // Bound by the graph's own function: its findings belong there.
      node.objectBoundHere = !node.objectOpen && byGraphFunction;
      applyObjectFacts(node);
      break;
    }
  // Bind the callee's parameters to what this call passes:
  // bus.publish("order.placed") names the destination of the wrapper.
  if (node.destination.empty() && !node.destinationKey.empty())
    for (size_t k = 0; k < target.params.size() && k < call.args.size(); ++k)
      if (target.params[k] == node.destinationKey) {
        if (!call.args[k].literal.empty()) {
          node.destination = call.args[k].literal;
          node.destinationKey.clear();
          node.destinationFromFlow = byGraphFunction;
        } else {
          node.destinationKey = call.args[k].key;
        }
        break;
      }
}

void GraphBuilder::bindToBody(const Build &b, FlowNode &node, const FunctionSummary &body) const {
  // Innermost call first, as a splice at each level would bind it, while a
  // parameter is left to bind (a ring of 400 functions has chains of 400).
  const FunctionSummary *target = &body;
  size_t k = b.path.size();
  while (k-- > 0 && (node.objectOpen || (node.destination.empty() && !node.destinationKey.empty()))) {
    const auto &[caller, at] = b.path[k];
    bindCall(node, *caller, caller->events[at], *target, k == 0);
    target = caller;
  }
  // The levels left (0..k) bind only the readiness guard: the outermost.
  if (k < b.outerGuards.size() && b.outerGuards[k])
    node.readyGuard = *b.outerGuards[k];
}

void GraphBuilder::splice(Build &b, const FunctionSummary &fn, uint32_t instance, uint32_t i,
                          const FunctionSummary &target, const FlowGraph &sub, Piece &piece, bool &anyEmpty) {
  FlowGraph &g = b.g;
  const Event &e = fn.events[i];
  g.truncated = g.truncated || sub.truncated;
  g.approximated = g.approximated || sub.approximated;
  // The callee's instances and loops get fresh numbers in this graph.
  uint32_t instanceOffset = g.instances;
  g.instances += sub.instances;
  auto loopOffset = static_cast<uint32_t>(g.loops.size());
  for (const LoopInstance &loop : sub.loops)
    g.loops.push_back({loop.instance + instanceOffset, loop.loop, loop.fn});
  // Past a size, merge on the first call level only: the graph then
  // grows with the interactions a flow reaches, not with its call chains.
  size_t contextDepth = g.nodes.size() - g.junctions < kCoarseAt ? kContextDepth : 1;
  // Silent nodes that would land below the context depth are not
  // copied: the paths through them become edges between the nodes
  // around them (see bypassed below). Nor are the ways into and out of
  // the bodies of the callee's call cycle: they join that cycle's calls
  // to one copy of each body, and in a caller they are only paths (a
  // cycle of helpers without interactions is then no node at all).
  std::vector<uint32_t> ids;
  ids.reserve(sub.nodes.size());
  std::vector<bool> bypassed(sub.nodes.size(), false);
  for (const FlowNode &inner : sub.nodes) {
    bool deep = b.path.size() + inner.path.size() + 1 > contextDepth + 1;
    bool body = inner.callJunction == CallJunction::BodyEntry || inner.callJunction == CallJunction::BodyExit;
    if (inner.silent() && deepJunctions_ != DeepJunctions::Keep &&
        (deep || body || deepJunctions_ == DeepJunctions::BypassAll)) {
      bypassed[ids.size()] = true;
      ids.push_back(UINT32_MAX);
      continue;
    }
    // The chain gets this call in front: built at its final size, since
    // copying and then inserting would allocate each vector twice.
    FlowNode node;
    node.path.reserve(b.path.size() + 1 + inner.path.size());
    node.path.assign(b.path.begin(), b.path.end());
    node.path.emplace_back(&fn, i);
    node.path.insert(node.path.end(), inner.path.begin(), inner.path.end());
    node.instances.reserve(b.instances.size() + 1 + inner.instances.size());
    node.instances.assign(b.instances.begin(), b.instances.end());
    node.instances.push_back(instance);
    for (uint32_t innerInstance : inner.instances)
      node.instances.push_back(innerInstance + instanceOffset);
    static_cast<NodeFacts &>(node) = inner;
    node.destinationFromFlow = false;
    node.answered = inner.answered || inner.answeredHere;
    node.replyOfAnswered = inner.replyOfAnswered || inner.replyHere;
    node.answeredHere = node.replyHere = false;
    node.objectBoundHere = false;
    bindCall(node, fn, e, target, b.path.empty());
    // Inside a placed body of the graph's call cycle: what the calls that
    // placed it pass too.
    bindToBody(b, node, fn);
    if (node.path.size() > contextDepth + 1) {
      auto [it, inserted] = b.merged.try_emplace(mergeKeyOf(node, contextDepth), g.nodes.size());
      if (!inserted) {
        // Below the first call only, two chains of one call are one node:
        // an approximation where six levels would have kept them apart.
        const FlowNode &kept = g.nodes[it->second];
        if (contextDepth < kContextDepth &&
            (node.path.size() <= kContextDepth + 1 || kept.path.size() <= kContextDepth + 1 ||
             mergeKeyOf(node, kContextDepth) != mergeKeyOf(kept, kContextDepth)))
          g.approximated = true;
        ids.push_back(it->second);
        continue;
      }
    }
    ids.push_back(b.newNode(std::move(node)));
  }
  auto offsetLoops = [&](const std::vector<uint32_t> &inner) {
    LoopSet loops;
    for (uint32_t l : inner)
      loops.push_back(l + loopOffset);
    return loops;
  };
  BypassClosure closure(sub, bypassed);
  for (uint32_t n = 0; n < sub.nodes.size(); ++n) {
    if (bypassed[n])
      continue;
    bool exit = sub.exits[n];
    for (const FlowEdge &edge : sub.next[n]) {
      LoopSet loops = offsetLoops(edge.loops);
      if (!bypassed[edge.to]) {
        b.edges.add(ids[n], ids[edge.to], loops);
        continue;
      }
      const BypassClosure::Reach &reach = closure.from(edge.to);
      for (const auto &[to, more] : reach.nodes)
        b.edges.add(ids[n], ids[to], unite(loops, offsetLoops(more)));
      exit = exit || reach.exit;
    }
    if (exit)
      piece.exits.push_back(ids[n]);
  }
  // Entries that are bypassed: what they lead to. The loops of those
  // paths are the callee's, and no search from outside the call looks at them.
  for (uint32_t n : sub.entry) {
    if (!bypassed[n]) {
      piece.entries.push_back(ids[n]);
      continue;
    }
    const BypassClosure::Reach &reach = closure.from(n);
    for (const auto &reached : reach.nodes)
      piece.entries.push_back(ids[reached.first]);
    anyEmpty = anyEmpty || reach.exit;
  }
  anyEmpty = anyEmpty || sub.emptyPath;
}

} // namespace flowshape
