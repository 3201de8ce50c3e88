// What GraphBuilder's pieces share while they build one graph: the graph
// and its edges, where the bodies of the flow's call cycle were placed, and
// the key that merges deep spliced nodes. Internal to tool/link.
#pragma once

#include "link/GraphBuilder.h"
#include "link/GraphEdges.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace flowshape {

// What a spliced node is for the analysis once its call chain is deep:
// the first levels of the chain, the interaction itself, and everything
// the caller bound on it. Two nodes alike in all of this are one node.
using MergeKey = std::tuple<std::vector<std::pair<const FunctionSummary *, uint32_t>>,
                            std::pair<const FunctionSummary *, uint32_t>, Role, std::string, std::string, std::string,
                            std::string, std::string, Timeout, unsigned>;

inline MergeKey mergeKeyOf(const FlowNode &node, size_t contextDepth) {
  std::vector<std::pair<const FunctionSummary *, uint32_t>> prefix(
      node.path.begin(), node.path.begin() + static_cast<std::ptrdiff_t>(std::min(contextDepth, node.path.size())));
  unsigned flags = (node.objectOpen ? 1u : 0u) | (node.objectBoundHere ? 2u : 0u) |
                   (node.destinationFromFlow ? 4u : 0u) | (node.answered ? 8u : 0u) |
                   (node.replyOfAnswered ? 16u : 0u) | (node.answersRequest ? 32u : 0u) |
                   (static_cast<unsigned>(node.callJunction) << 6);
  return {std::move(prefix), node.path.back(), node.role, node.object, node.readyGuard, node.destination,
          node.destinationKey, node.undecidedFact, node.timeout, flags};
}


// Where one event of a body lands in the graph.
struct GraphBuilder::Piece {
  std::vector<uint32_t> entries;
  std::vector<uint32_t> exits;
  bool empty = true; // control can pass the event without any node
};

struct GraphBuilder::Build {
  Build(const FunctionSummary &fn, FlowGraph &g) : fn(fn), g(g) {}
  const FunctionSummary &fn; // whose graph this is
  FlowGraph &g;
  EdgeSet edges;
  // Spliced nodes deeper than the context depth, by what they are: a
  // diamond of helpers reaches one interaction by many call chains, and
  // the analysis needs it once (with the first chain as its evidence).
  std::map<MergeKey, uint32_t> merged;
  // The functions of fn's call cycle placed in the graph, by function and
  // `this` class: the silent nodes where calls enter and leave the body
  // placed first.
  std::map<std::pair<const FunctionSummary *, std::string>, std::pair<uint32_t, uint32_t>> placed;
  size_t bodies = 0; // placed, all told
  // The calls from fn down to the body being placed, and their instances.
  std::vector<std::pair<const FunctionSummary *, uint32_t>> path;
  std::vector<uint32_t> instances;
  // For each level of `path`: the readiness guard of the outermost call
  // down to it that has one (null: none), which every node placed below
  // takes, as a splice at each level would leave it.
  std::vector<const std::string *> outerGuards;
  // Whether a call to f from the body being placed (a body of function
  // `in`) is recursion: f is on the chain that called the body.
  bool recursive(const FunctionSummary *f, const FunctionSummary &in) const {
    return f == &in || std::any_of(path.begin(), path.end(), [&](const auto &step) { return step.first == f; });
  }

  uint32_t newNode(FlowNode node) {
    g.junctions += node.silent() ? 1 : 0;
    g.nodes.push_back(std::move(node));
    g.next.emplace_back();
    g.exits.push_back(false);
    return static_cast<uint32_t>(g.nodes.size() - 1);
  }
  // A node of the body being placed, for its event `i` of function f:
  // the chain down to the body in front of its own level.
  void locate(FlowNode &node, const FunctionSummary &f, uint32_t i, uint32_t instance) const {
    node.path.reserve(path.size() + 1);
    node.path.assign(path.begin(), path.end());
    node.path.emplace_back(&f, i);
    node.instances.reserve(instances.size() + 1);
    node.instances.assign(instances.begin(), instances.end());
    node.instances.push_back(instance);
  }
};

} // namespace flowshape
