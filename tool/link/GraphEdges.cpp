#include "link/GraphEdges.h"

#include <algorithm>
#include <iterator>
#include <tuple>

namespace flowshape {

LoopSet unite(LoopSet a, const LoopSet &b) {
  LoopSet out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

namespace {
bool includes(const LoopSet &outer, const LoopSet &inner) {
  return std::includes(outer.begin(), outer.end(), inner.begin(), inner.end());
}
} // namespace

void EdgeSet::add(uint32_t from, uint32_t to, const LoopSet &loops) {
  auto &sets = edges_[(uint64_t{from} << 32) | to];
  for (const LoopSet &s : sets)
    if (includes(loops, s))
      return;
  sets.erase(std::remove_if(sets.begin(), sets.end(), [&](const LoopSet &s) { return includes(s, loops); }),
             sets.end());
  sets.push_back(loops);
}

void EdgeSet::writeTo(FlowGraph &g) {
  for (auto &[key, sets] : edges_)
    for (LoopSet &loops : sets)
      g.next[key >> 32].push_back({static_cast<uint32_t>(key & 0xffffffffu), std::move(loops)});
  edges_.clear();
  for (auto &edges : g.next)
    std::sort(edges.begin(), edges.end(),
              [](const FlowEdge &a, const FlowEdge &b) { return std::tie(a.to, a.loops) < std::tie(b.to, b.loops); });
}

bool LoopSearch::pop(uint32_t &node, LoopSet &loops) {
  while (!queue_.empty()) {
    std::tie(node, loops) = std::move(queue_.front());
    queue_.pop_front();
    std::vector<LoopSet> &sets = seen_[node];
    if (std::any_of(sets.begin(), sets.end(), [&](const LoopSet &s) { return includes(loops, s); }))
      continue;
    sets.push_back(loops);
    return true;
  }
  return false;
}

const BypassClosure::Reach &BypassClosure::from(uint32_t start) {
  auto [it, fresh] = memo_.try_emplace(start);
  Reach &reach = it->second;
  if (!fresh)
    return reach;
  LoopSearch search;
  search.push(start, {});
  uint32_t n = 0;
  LoopSet loops;
  while (search.pop(n, loops)) {
    reach.exit = reach.exit || sub_.exits[n];
    for (const FlowEdge &edge : sub_.next[n]) {
      LoopSet next = unite(loops, edge.loops);
      if (bypassed_[edge.to])
        search.push(edge.to, std::move(next));
      else
        reach.nodes.insert({edge.to, std::move(next)});
    }
  }
  return reach;
}

void bypassNodes(FlowGraph &g, const std::vector<bool> &bypassed) {
  BypassClosure closure(g, bypassed);
  std::vector<uint32_t> ids(g.nodes.size(), UINT32_MAX);
  uint32_t kept = 0;
  for (uint32_t n = 0; n < g.nodes.size(); ++n)
    if (!bypassed[n])
      ids[n] = kept++;
  EdgeSet edges;
  std::vector<bool> exits(kept, false);
  for (uint32_t n = 0; n < g.nodes.size(); ++n) {
    if (bypassed[n])
      continue;
    bool exit = g.exits[n];
    for (const FlowEdge &edge : g.next[n]) {
      if (!bypassed[edge.to]) {
        edges.add(ids[n], ids[edge.to], edge.loops);
        continue;
      }
      const BypassClosure::Reach &reach = closure.from(edge.to);
      for (const auto &[to, more] : reach.nodes)
        edges.add(ids[n], ids[to], unite(edge.loops, more));
      exit = exit || reach.exit;
    }
    exits[ids[n]] = exit;
  }
  std::vector<uint32_t> entry;
  bool emptyPath = g.emptyPath;
  for (uint32_t n : g.entry) {
    if (!bypassed[n]) {
      entry.push_back(ids[n]);
      continue;
    }
    const BypassClosure::Reach &reach = closure.from(n);
    for (const auto &reached : reach.nodes)
      entry.push_back(ids[reached.first]);
    emptyPath = emptyPath || reach.exit;
  }
  std::vector<FlowNode> nodes;
  nodes.reserve(kept);
  g.junctions = 0;
  for (uint32_t n = 0; n < g.nodes.size(); ++n)
    if (!bypassed[n]) {
      g.junctions += g.nodes[n].silent() ? 1 : 0;
      nodes.push_back(std::move(g.nodes[n]));
    }
  g.nodes = std::move(nodes);
  g.next.assign(kept, {});
  edges.writeTo(g);
  g.exits = std::move(exits);
  std::sort(entry.begin(), entry.end());
  entry.erase(std::unique(entry.begin(), entry.end()), entry.end());
  g.entry = std::move(entry);
  g.emptyPath = emptyPath;
}

} // namespace flowshape
