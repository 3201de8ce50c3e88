// The edges of a flow graph while GraphBuilder builds it: sets of loops a
// path iterates, the edge set that keeps the fewest, and the searches that
// turn paths through nodes left out of a graph into edges.
#pragma once

#include "flowshape/Program.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <deque>
#include <map>
#include <set>
#include <utility>
#include <vector>

namespace flowshape {

using LoopSet = std::vector<uint32_t>; // sorted loop instances

LoopSet unite(LoopSet a, const LoopSet &b);

// The edges of a graph being built, by (from, to): each pair keeps the
// loop sets no other edge of the pair iterates a subset of. Looking up the
// pair, rather than scanning every edge of `from`, keeps a node with
// thousands of successors cheap; g.next is written once at the end.
class EdgeSet {
public:
  void add(uint32_t from, uint32_t to, const LoopSet &loops);
  // Moves the edges into g.next, each node's sorted by (to, loops).
  void writeTo(FlowGraph &g);

private:
  // Most pairs have one edge, iterating no loop: no allocation for them.
  llvm::DenseMap<uint64_t, llvm::SmallVector<LoopSet, 1>> edges_;
};

// Breadth-first over (node, loops iterated so far). A node is visited
// again only with loops that no earlier visit's are a subset of: a path
// iterating more loops than another to the same node adds no edge that
// EdgeSet would keep.
class LoopSearch {
public:
  void push(uint32_t node, LoopSet loops) { queue_.emplace_back(node, std::move(loops)); }
  // The next state worth visiting; false once none is left.
  bool pop(uint32_t &node, LoopSet &loops);

private:
  std::deque<std::pair<uint32_t, LoopSet>> queue_;
  std::map<uint32_t, std::vector<LoopSet>> seen_;
};

// Where paths from a bypassed silent node of a callee's graph lead: the
// first nodes that are kept, with the loops the path iterates, and whether
// the callee can be left before one (bypassed nodes that are exits).
class BypassClosure {
public:
  struct Reach {
    std::set<std::pair<uint32_t, LoopSet>> nodes;
    bool exit = false;
  };
  BypassClosure(const FlowGraph &sub, const std::vector<bool> &bypassed) : sub_(sub), bypassed_(bypassed) {}
  const Reach &from(uint32_t start);

private:
  const FlowGraph &sub_;
  const std::vector<bool> &bypassed_;
  std::map<uint32_t, Reach> memo_;
};

// Leaves the silent nodes marked `bypassed` out of g: the paths through them
// become edges between the nodes around them (with the loops of the way),
// a node that reached an exit through them becomes an exit, an entry is
// replaced by what it leads to, and the rest keep their order.
void bypassNodes(FlowGraph &g, const std::vector<bool> &bypassed);

} // namespace flowshape
