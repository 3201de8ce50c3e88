#include "extract/EventGraph.h"

#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"

#include <cstdlib>
#include <deque>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <tuple>

using namespace clang;

namespace flowshape {

namespace {

const Stmt *stmtOf(const CFGElement &element) {
  if (auto s = element.getAs<CFGStmt>())
    return s->getStmt();
  return nullptr;
}

// Events in source order, for functions whose CFG cannot be built.
void linearOrder(FunctionSummary &summary) {
  size_t n = summary.events.size();
  std::vector<uint32_t> order(n);
  for (uint32_t i = 0; i < n; ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return summary.events[a].loc < summary.events[b].loc; });
  summary.entry = {order.front()};
  for (size_t i = 0; i + 1 < n; ++i)
    summary.next[order[i]].push_back({order[i + 1], {}});
  summary.exits[order.back()] = true;
  summary.emptyPath = false;
}

using LoopSet = std::vector<uint32_t>; // sorted loop ids

LoopSet with(LoopSet set, uint32_t loop) {
  auto it = std::lower_bound(set.begin(), set.end(), loop);
  if (it == set.end() || *it != loop)
    set.insert(it, loop);
  return set;
}

// Adds an edge unless one with a subset of its loops exists (a path that
// iterates fewer loops says more); drops edges the new one makes redundant.
void addEdge(std::vector<Edge> &edges, uint32_t to, const LoopSet &loops) {
  for (const Edge &e : edges)
    if (e.to == to && std::includes(loops.begin(), loops.end(), e.loops.begin(), e.loops.end()))
      return;
  edges.erase(std::remove_if(edges.begin(), edges.end(),
                             [&](const Edge &e) {
                               return e.to == to && std::includes(e.loops.begin(), e.loops.end(), loops.begin(), loops.end());
                             }),
              edges.end());
  edges.push_back({to, loops});
}

// Work allowed to the plain condensation (block visits of all its searches,
// per CFG block, plus a constant): small and ordinary functions stay below
// it and keep exactly the graph they always had.
constexpr size_t kPlainVisitsPerBlock = 32;
constexpr size_t kPlainVisitsBase = 2048;

// Condenses the CFG to the events. A search from each block with events
// collects the first events met on every path, with the loops iterated on
// the way. When that costs too much (a function of hundreds of sequential
// branches: from every branch the CFG reaches every later one without an
// event, so the graph would hold an edge per pair), the condensation is
// redone with junctions: the CFG's join points become silent events
// (EventKind::Junction) where the searches stop too, so the graph keeps
// the size of the CFG; junctions that join nothing in the condensed graph
// (one way in or one way out) are then bypassed again.
class Condenser {
public:
  Condenser(const CFG &cfg, const StmtEvents &events, const LoopIds &loopIds, FunctionSummary &summary)
      : cfg_(cfg), loopIds_(loopIds), summary_(summary), blockEvents_(cfg.getNumBlockIDs()),
        junctionOf_(cfg.getNumBlockIDs(), -1) {
    std::vector<bool> placed(summary.events.size(), false);
    for (const CFGBlock *block : cfg) {
      for (const CFGElement &element : *block) {
        const Stmt *stmt = stmtOf(element);
        if (!stmt)
          continue;
        auto it = events.find(stmt);
        if (it == events.end())
          continue;
        for (uint32_t index : it->second)
          if (!placed[index]) {
            placed[index] = true;
            blockEvents_[block->getBlockID()].push_back(index);
          }
      }
    }
    for (uint32_t i = 0; i < placed.size(); ++i)
      if (!placed[i])
        unplaced_.push_back(i);
    findBackEdges();
  }

  // The plain condensation; false (and the summary's graph left to be
  // reset) when it passes its budget of work.
  bool runPlain(bool limited) {
    budget_ = limited ? kPlainVisitsPerBlock * cfg_.getNumBlockIDs() + kPlainVisitsBase : 0;
    condense();
    return !overBudget_;
  }

  // The condensation with junctions: linear in the size of the CFG.
  void runWithJunctions() {
    budget_ = 0;
    overBudget_ = false;
    std::vector<unsigned> joins;
    for (const CFGBlock *block : cfg_) {
      unsigned id = block->getBlockID();
      if (!reachable_[id] || !blockEvents_[id].empty() || block == &cfg_.getEntry() || block == &cfg_.getExit())
        continue;
      unsigned preds = 0;
      for (auto it = block->pred_begin(); it != block->pred_end(); ++it)
        if (const CFGBlock *pred = it->getReachableBlock(); pred && reachable_[pred->getBlockID()])
          ++preds;
      if (preds >= 2)
        joins.push_back(id);
    }
    // Junction events follow the function's own events, in source order
    // (Clang numbers blocks backwards).
    std::sort(joins.begin(), joins.end(), std::greater<unsigned>());
    size_t first = summary_.events.size();
    for (unsigned id : joins) {
      junctionOf_[id] = static_cast<int>(summary_.events.size());
      Event junction;
      junction.kind = EventKind::Junction;
      summary_.events.push_back(std::move(junction));
    }
    summary_.next.assign(summary_.events.size(), {});
    summary_.exits.assign(summary_.events.size(), false);
    condense();
    bypassJunctions(first);
  }

  void reset() {
    summary_.next.assign(summary_.events.size(), {});
    summary_.exits.assign(summary_.events.size(), false);
    summary_.entry.clear();
    summary_.emptyPath = true;
  }

private:
  struct Reach {
    std::set<std::pair<uint32_t, LoopSet>> events; // (first event, loops iterated on the way)
    bool exit = false;
  };

  // The first and last event of a block (its junction, if it is one).
  std::optional<std::pair<uint32_t, uint32_t>> eventsOf(const CFGBlock *block) const {
    const auto &list = blockEvents_[block->getBlockID()];
    if (!list.empty())
      return std::make_pair(list.front(), list.back());
    if (int j = junctionOf_[block->getBlockID()]; j >= 0)
      return std::make_pair(static_cast<uint32_t>(j), static_cast<uint32_t>(j));
    return std::nullopt;
  }

  void condense() {
    // Inside a block, events follow each other directly.
    for (const auto &list : blockEvents_)
      for (size_t i = 0; i + 1 < list.size(); ++i)
        addEdge(summary_.next[list[i]], list[i + 1], {});
    for (const CFGBlock *block : cfg_) {
      auto own = eventsOf(block);
      if (!own)
        continue;
      Reach reach = explore(block);
      if (overBudget_)
        return;
      for (const auto &[event, loops] : reach.events)
        // A junction reached again around a loop: the path that does not
        // go round says more, and is there.
        if (!(event == own->second && summary_.events[event].kind == EventKind::Junction))
          addEdge(summary_.next[own->second], event, loops);
      if (reach.exit)
        summary_.exits[own->second] = true;
    }
    const CFGBlock &entry = cfg_.getEntry();
    Reach start;
    if (auto own = eventsOf(&entry))
      start.events.insert({own->first, {}});
    else
      start = explore(&entry);
    if (overBudget_)
      return;
    for (const auto &[event, loops] : start.events)
      if (std::find(summary_.entry.begin(), summary_.entry.end(), event) == summary_.entry.end())
        summary_.entry.push_back(event);
    std::sort(summary_.entry.begin(), summary_.entry.end());
    summary_.emptyPath = start.exit;
    // Events the CFG does not show (rare: unevaluated or implicit code) can
    // happen, but in no known order: they never take part in a sequence.
    for (uint32_t index : unplaced_) {
      summary_.entry.push_back(index);
      summary_.exits[index] = true;
    }
  }

  // Removes junctions with one way in or one way out (the function's start
  // and end count as ways): connecting their neighbours directly adds no
  // edges. Deterministic: a work list in index order.
  void bypassJunctions(size_t first) {
    auto &next = summary_.next;
    size_t n = summary_.events.size();
    auto isJunction = [&](uint32_t e) { return e >= first; };
    std::vector<std::set<uint32_t>> preds(n); // of junctions: nodes with an edge to them
    for (uint32_t from = 0; from < n; ++from)
      for (const Edge &edge : next[from])
        if (isJunction(edge.to) && edge.to != from)
          preds[edge.to].insert(from);
    std::vector<bool> removed(n, false);
    std::sort(summary_.entry.begin(), summary_.entry.end()); // events the CFG does not show come last
    auto inEntry = [&](uint32_t j) { return std::binary_search(summary_.entry.begin(), summary_.entry.end(), j); };
    auto ways = [&](uint32_t j) {
      size_t in = inEntry(j) ? 1 : 0, out = next[j].size() + (summary_.exits[j] ? 1 : 0);
      for (uint32_t p : preds[j])
        for (const Edge &edge : next[p])
          in += edge.to == j;
      return std::make_pair(in, out);
    };
    std::set<uint32_t> work;
    for (uint32_t j = first; j < n; ++j)
      work.insert(j);
    while (!work.empty()) {
      uint32_t j = *work.begin();
      work.erase(work.begin());
      if (removed[j])
        continue;
      auto [in, out] = ways(j);
      if (in > 1 && out > 1)
        continue;
      removed[j] = true;
      std::vector<Edge> outs = std::move(next[j]);
      next[j].clear();
      for (const Edge &o : outs)
        if (isJunction(o.to)) {
          preds[o.to].erase(j);
          work.insert(o.to);
        }
      for (uint32_t p : preds[j]) {
        std::vector<LoopSet> ins;
        auto &edges = next[p];
        for (const Edge &edge : edges)
          if (edge.to == j)
            ins.push_back(edge.loops);
        edges.erase(std::remove_if(edges.begin(), edges.end(), [&](const Edge &e) { return e.to == j; }), edges.end());
        for (const LoopSet &a : ins)
          for (const Edge &o : outs) {
            if (o.to == p && isJunction(p))
              continue; // round a loop back to itself: see condense()
            LoopSet u;
            std::set_union(a.begin(), a.end(), o.loops.begin(), o.loops.end(), std::back_inserter(u));
            addEdge(edges, o.to, u);
            if (isJunction(o.to))
              preds[o.to].insert(p);
          }
        if (summary_.exits[j])
          summary_.exits[p] = true;
        if (isJunction(p))
          work.insert(p);
      }
      preds[j].clear();
      if (inEntry(j)) {
        summary_.entry.erase(std::lower_bound(summary_.entry.begin(), summary_.entry.end(), j));
        for (const Edge &o : outs)
          if (!inEntry(o.to))
            summary_.entry.insert(std::lower_bound(summary_.entry.begin(), summary_.entry.end(), o.to), o.to);
        if (summary_.exits[j])
          summary_.emptyPath = true;
      }
      summary_.exits[j] = false;
    }
    // The function returns without any event when a path of junctions
    // from its start reaches its end.
    std::vector<bool> seen(n, false);
    std::vector<uint32_t> stack;
    for (uint32_t e : summary_.entry)
      if (isJunction(e) && !removed[e])
        stack.push_back(e);
    while (!stack.empty()) {
      uint32_t j = stack.back();
      stack.pop_back();
      if (seen[j])
        continue;
      seen[j] = true;
      summary_.emptyPath = summary_.emptyPath || summary_.exits[j];
      for (const Edge &edge : next[j])
        if (isJunction(edge.to))
          stack.push_back(edge.to);
    }
    // Renumber: the junctions kept, in their order, after the events.
    std::vector<uint32_t> index(n);
    uint32_t kept = static_cast<uint32_t>(first);
    for (uint32_t e = 0; e < n; ++e)
      index[e] = e < first ? e : removed[e] ? UINT32_MAX : kept++;
    std::vector<Event> events;
    std::vector<std::vector<Edge>> edges;
    std::vector<bool> exits;
    for (uint32_t e = 0; e < n; ++e) {
      if (index[e] == UINT32_MAX)
        continue;
      events.push_back(std::move(summary_.events[e]));
      for (Edge &edge : next[e])
        edge.to = index[edge.to];
      edges.push_back(std::move(next[e]));
      exits.push_back(summary_.exits[e]);
    }
    summary_.events = std::move(events);
    summary_.next = std::move(edges);
    summary_.exits = std::move(exits);
    for (uint32_t &e : summary_.entry)
      e = index[e];
    std::sort(summary_.entry.begin(), summary_.entry.end());
  }

  // The loop a back edge belongs to: the block that loops back names it
  // (Clang's loop target), else the loop statement that the target block or
  // the source block terminates (while/for conditions, do-while).
  std::optional<uint32_t> loopOf(const CFGBlock *from, const CFGBlock *to) const {
    for (const Stmt *candidate : {from->getLoopTarget(), to->getTerminatorStmt(), from->getTerminatorStmt()}) {
      if (!candidate)
        continue;
      auto it = loopIds_.find(candidate);
      if (it != loopIds_.end())
        return it->second;
    }
    return std::nullopt;
  }

  // Retreating edges of a depth-first search from the entry: the loop back
  // edges, also for loops made with goto.
  void findBackEdges() {
    enum Color { White, Grey, Black };
    std::vector<Color> color(cfg_.getNumBlockIDs(), White);
    struct Frame {
      const CFGBlock *block;
      CFGBlock::const_succ_iterator next;
    };
    std::vector<Frame> stack;
    const CFGBlock *entry = &cfg_.getEntry();
    color[entry->getBlockID()] = Grey;
    stack.push_back({entry, entry->succ_begin()});
    while (!stack.empty()) {
      Frame &top = stack.back();
      if (top.next == top.block->succ_end()) {
        color[top.block->getBlockID()] = Black;
        stack.pop_back();
        continue;
      }
      const CFGBlock *succ = top.next->getReachableBlock();
      ++top.next;
      if (!succ)
        continue;
      Color c = color[succ->getBlockID()];
      if (c == Grey) {
        auto loop = loopOf(top.block, succ);
        backEdges_[{top.block->getBlockID(), succ->getBlockID()}] = loop ? int(*loop) : -1;
      } else if (c == White) {
        color[succ->getBlockID()] = Grey;
        stack.push_back({succ, succ->succ_begin()});
      }
    }
    reachable_.resize(color.size());
    for (size_t id = 0; id < color.size(); ++id)
      reachable_[id] = color[id] != White;
  }

  LoopSet step(const LoopSet &loops, const CFGBlock *from, const CFGBlock *to) const {
    auto it = backEdges_.find({from->getBlockID(), to->getBlockID()});
    if (it == backEdges_.end() || it->second < 0)
      return loops; // not a back edge, or a loop without events (it holds nothing to tell apart)
    return with(loops, static_cast<uint32_t>(it->second));
  }

  // The first events (or junctions) met on every path that leaves `from`.
  Reach explore(const CFGBlock *from) {
    Reach reach;
    std::set<std::pair<unsigned, LoopSet>> seen;
    std::deque<std::pair<const CFGBlock *, LoopSet>> queue;
    auto push = [&](const CFGBlock *block, LoopSet loops) {
      if (block && seen.insert({block->getBlockID(), loops}).second)
        queue.emplace_back(block, std::move(loops));
    };
    for (auto it = from->succ_begin(); it != from->succ_end(); ++it)
      if (const CFGBlock *succ = it->getReachableBlock())
        push(succ, step({}, from, succ));
    while (!queue.empty()) {
      auto [block, loops] = queue.front();
      queue.pop_front();
      if (budget_ && ++visits_ > budget_) {
        overBudget_ = true;
        return reach;
      }
      if (auto own = eventsOf(block)) {
        reach.events.insert({own->first, loops});
        continue;
      }
      if (block == &cfg_.getExit()) {
        reach.exit = true;
        continue;
      }
      for (auto it = block->succ_begin(); it != block->succ_end(); ++it)
        if (const CFGBlock *succ = it->getReachableBlock())
          push(succ, step(loops, block, succ));
    }
    return reach;
  }

  const CFG &cfg_;
  const LoopIds &loopIds_;
  FunctionSummary &summary_;
  std::vector<std::vector<uint32_t>> blockEvents_;
  std::vector<int> junctionOf_; // block id -> its junction event, -1 when none
  std::vector<bool> reachable_; // block id -> reachable from the entry
  std::vector<uint32_t> unplaced_;
  std::map<std::pair<unsigned, unsigned>, int> backEdges_; // -> loop id, -1 when unknown
  size_t budget_ = 0; // block visits allowed, 0: no limit
  size_t visits_ = 0;
  bool overBudget_ = false;
};

// --- loops -------------------------------------------------------------

} // namespace

void buildEventGraph(const FunctionDecl *fn, ASTContext &ctx, const StmtEvents &events, const LoopIds &loops,
                     FunctionSummary &summary) {
  size_t n = summary.events.size();
  summary.next.assign(n, {});
  summary.exits.assign(n, false);
  summary.entry.clear();
  summary.emptyPath = true;
  if (n == 0)
    return;
  CFG::BuildOptions options;
  options.setAllAlwaysAdd();
  options.AddInitializers = true;
  options.AddImplicitDtors = false;
  options.AddTemporaryDtors = false;
  options.AddCXXDefaultInitExprInCtors = true;
  options.PruneTriviallyFalseEdges = true;
  std::unique_ptr<CFG> cfg = CFG::buildCFG(fn, fn->getBody(), &ctx, options);
  if (!cfg) {
    linearOrder(summary);
    return;
  }
  // FLOWSHAPE_JUNCTIONS=always|never overrides the choice, for tests that
  // compare both condensations on the same code (docs/testing.md).
  const char *env = std::getenv("FLOWSHAPE_JUNCTIONS");
  std::string mode = env ? env : "";
  Condenser condenser(*cfg, events, loops, summary);
  if (mode == "always" || !condenser.runPlain(/*limited=*/mode != "never")) {
    condenser.reset();
    condenser.runWithJunctions();
  }
  for (auto &list : summary.next)
    std::sort(list.begin(), list.end(), [](const Edge &a, const Edge &b) {
      return std::tie(a.to, a.loops) < std::tie(b.to, b.loops);
    });
}

} // namespace flowshape
