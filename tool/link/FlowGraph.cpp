#include "flowshape/Program.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace flowshape {

std::vector<ViaStep> FlowNode::via() const {
  std::vector<ViaStep> out;
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
      for (uint32_t li = 0; li < loops.size(); ++li)
        if (loops[li].instance == node.instances[level] && loops[li].loop == loop && loops[li].fn == fn)
          out.push_back(li);
  }
  return out;
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
  // the analysis reaches a loop.
  std::map<std::tuple<uint32_t, const FunctionSummary *, uint32_t>, uint32_t> byKey;
  for (uint32_t li = 0; li < loops.size(); ++li)
    byKey.emplace(std::make_tuple(loops[li].instance, loops[li].fn, loops[li].loop), li);
  std::vector<bool> used(loops.size(), false);
  for (const FlowNode &node : nodes)
    for (size_t level = 0; level < node.path.size(); ++level) {
      const auto &[fn, index] = node.path[level];
      for (uint32_t loop : fn->events[index].loops)
        if (auto it = byKey.find({node.instances[level], fn, loop}); it != byKey.end())
          used[it->second] = true;
    }
  for (const auto &edges : next)
    for (const FlowEdge &edge : edges)
      for (uint32_t li : edge.loops)
        used[li] = true;

  // Instances keep their order (0, the flow itself, stays 0): numbers grow
  // with every splice, and would overflow on wide call graphs.
  std::map<uint32_t, uint32_t> instanceIds{{0, 0}};
  for (const FlowNode &node : nodes)
    for (uint32_t instance : node.instances)
      instanceIds.emplace(instance, 0);
  for (uint32_t li = 0; li < loops.size(); ++li)
    if (used[li])
      instanceIds.emplace(loops[li].instance, 0);
  uint32_t nextId = 0;
  for (auto &[old, id] : instanceIds)
    id = nextId++;
  instances = nextId;
  for (FlowNode &node : nodes)
    for (uint32_t &instance : node.instances)
      instance = instanceIds.at(instance);

  std::vector<uint32_t> newIndex(loops.size(), 0);
  std::vector<LoopInstance> kept;
  for (uint32_t li = 0; li < loops.size(); ++li)
    if (used[li]) {
      newIndex[li] = static_cast<uint32_t>(kept.size());
      kept.push_back({instanceIds.at(loops[li].instance), loops[li].loop, loops[li].fn});
    }
  loops = std::move(kept);
  for (auto &edges : next)
    for (FlowEdge &edge : edges)
      for (uint32_t &li : edge.loops)
        li = newIndex[li]; // order preserved: the sets stay sorted
}

} // namespace flowshape
