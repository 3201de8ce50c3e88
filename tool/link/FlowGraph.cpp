#include "flowshape/Program.h"


#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

namespace flowshape {

std::vector<ViaStep> FlowNode::via() const {
  std::vector<ViaStep> out;
  // Exactly: a report holds one chain per interaction of every flow, and
  // doubling growth left a third of their memory unused (heaptrack).
  out.reserve(path.empty() ? 0 : path.size() - 1);
  for (size_t level = 0; level + 1 < path.size(); ++level) {
    const auto &[fn, index] = path[level];
    out.push_back(ViaStep{path[level + 1].first->name, fn->events[index].loc});
  }
  return out;
}

std::vector<uint32_t> FlowGraph::loopsAround(const FlowNode &node) const {
  std::vector<uint32_t> out;
  for (size_t level = 0; level < node.path.size(); ++level) {
    const auto &[fn, index] = node.path[level];
    for (uint32_t loop : fn->events[index].loops)
      if (std::optional<uint32_t> li = findLoop(node.instances[level], fn, loop))
        out.push_back(*li);
  }
  return out;
}

void FlowGraph::indexLoops() {
  loopIndex_.clear();
  loopIndex_.reserve(loops.size());
  for (uint32_t li = 0; li < loops.size(); ++li)
    loopIndex_.push_back({loops[li].instance, loops[li].fn, loops[li].loop, li});
  std::sort(loopIndex_.begin(), loopIndex_.end());
}

std::optional<uint32_t> FlowGraph::findLoop(uint32_t instance, const FunctionSummary *fn, uint32_t loop) const {
  if (loopIndex_.size() != loops.size()) { // not indexed, or loops changed since
    for (uint32_t li = 0; li < loops.size(); ++li)
      if (loops[li].instance == instance && loops[li].fn == fn && loops[li].loop == loop)
        return li;
    return std::nullopt;
  }
  // (instance, fn, loop) names at most one loop instance.
  LoopKey key{instance, fn, loop, 0};
  auto it = std::lower_bound(loopIndex_.begin(), loopIndex_.end(), key);
  if (it != loopIndex_.end() && !(key < *it))
    return it->index;
  return std::nullopt;
}

bool FlowGraph::inLoop(const FlowNode &node, uint32_t li) const {
  const LoopInstance &loop = loops[li];
  for (size_t level = 0; level < node.path.size(); ++level) {
    if (node.instances[level] != loop.instance || node.path[level].first != loop.fn)
      continue;
    const auto &ids = node.path[level].first->events[node.path[level].second].loops;
    return std::find(ids.begin(), ids.end(), loop.loop) != ids.end();
  }
  return false;
}

uint32_t FlowGraph::loopInstance(uint32_t instance, const FunctionSummary *fn, uint32_t loop) {
  for (uint32_t li = 0; li < loops.size(); ++li)
    if (loops[li].instance == instance && loops[li].fn == fn && loops[li].loop == loop)
      return li;
  loops.push_back({instance, loop, fn});
  return static_cast<uint32_t>(loops.size() - 1);
}

void FlowGraph::dropUnusedLoops() {
  // Which loop instances a node lies in or an edge iterates: the only ways
  // the analysis reaches a loop (a large flow holds thousands: looked up
  // in the index).
  indexLoops();
  std::vector<bool> used(loops.size(), false);
  for (const FlowNode &node : nodes)
    for (size_t level = 0; level < node.path.size(); ++level) {
      const auto &[fn, index] = node.path[level];
      for (uint32_t loop : fn->events[index].loops)
        if (std::optional<uint32_t> li = findLoop(node.instances[level], fn, loop))
          used[*li] = true;
    }
  for (const auto &edges : next)
    for (const FlowEdge &edge : edges)
      for (uint32_t li : edge.loops)
        used[li] = true;

  // Instances keep their order (0, the flow itself, stays 0): numbers grow
  // with every splice, and would overflow on wide call graphs.
  uint32_t bound = instances;
  for (const FlowNode &node : nodes)
    for (uint32_t instance : node.instances)
      bound = std::max(bound, instance + 1);
  for (const LoopInstance &loop : loops)
    bound = std::max(bound, loop.instance + 1);
  std::vector<uint32_t> instanceIds(bound, ~0u);
  instanceIds[0] = 0;
  for (const FlowNode &node : nodes)
    for (uint32_t instance : node.instances)
      instanceIds[instance] = 0;
  for (uint32_t li = 0; li < loops.size(); ++li)
    if (used[li])
      instanceIds[loops[li].instance] = 0;
  uint32_t nextId = 0;
  for (uint32_t &id : instanceIds)
    if (id != ~0u)
      id = nextId++;
  instances = nextId;
  for (FlowNode &node : nodes)
    for (uint32_t &instance : node.instances)
      instance = instanceIds[instance];

  std::vector<uint32_t> newIndex(loops.size(), 0);
  std::vector<LoopInstance> kept;
  for (uint32_t li = 0; li < loops.size(); ++li)
    if (used[li]) {
      newIndex[li] = static_cast<uint32_t>(kept.size());
      kept.push_back({instanceIds[loops[li].instance], loops[li].loop, loops[li].fn});
    }
  loops = std::move(kept);
  for (auto &edges : next)
    for (FlowEdge &edge : edges)
      for (uint32_t &li : edge.loops)
        li = newIndex[li]; // order preserved: the sets stay sorted
  indexLoops(); // the graph is final: loopsAround looks loops up from here on
}

} // namespace flowshape
