#include "flowshape/Program.h"

#include <algorithm>

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

} // namespace flowshape
