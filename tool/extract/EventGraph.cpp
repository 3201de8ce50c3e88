#include "extract/EventGraph.h"

#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"

#include <deque>
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

class Condenser {
public:
  Condenser(const CFG &cfg, const StmtEvents &events, const LoopIds &loopIds, FunctionSummary &summary)
      : cfg_(cfg), loopIds_(loopIds), summary_(summary), blockEvents_(cfg.getNumBlockIDs()) {
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

  void run() {
    // Inside a block, events follow each other directly.
    for (const auto &list : blockEvents_)
      for (size_t i = 0; i + 1 < list.size(); ++i)
        addEdge(summary_.next[list[i]], list[i + 1], {});
    for (const CFGBlock *block : cfg_) {
      const auto &list = blockEvents_[block->getBlockID()];
      if (list.empty())
        continue;
      Reach reach = explore(block);
      for (const auto &[event, loops] : reach.events)
        addEdge(summary_.next[list.back()], event, loops);
      if (reach.exit)
        summary_.exits[list.back()] = true;
    }
    const CFGBlock &entry = cfg_.getEntry();
    Reach start;
    if (!blockEvents_[entry.getBlockID()].empty())
      start.events.insert({blockEvents_[entry.getBlockID()].front(), {}});
    else
      start = explore(&entry);
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

private:
  struct Reach {
    std::set<std::pair<uint32_t, LoopSet>> events; // (first event, loops iterated on the way)
    bool exit = false;
  };

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
  }

  LoopSet step(const LoopSet &loops, const CFGBlock *from, const CFGBlock *to) const {
    auto it = backEdges_.find({from->getBlockID(), to->getBlockID()});
    if (it == backEdges_.end() || it->second < 0)
      return loops; // not a back edge, or a loop without events (it holds nothing to tell apart)
    return with(loops, static_cast<uint32_t>(it->second));
  }

  // The first events met on every path that leaves `from`.
  Reach explore(const CFGBlock *from) const {
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
      const auto &list = blockEvents_[block->getBlockID()];
      if (!list.empty()) {
        reach.events.insert({list.front(), loops});
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
  std::vector<uint32_t> unplaced_;
  std::map<std::pair<unsigned, unsigned>, int> backEdges_; // -> loop id, -1 when unknown
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
  Condenser(*cfg, events, loops, summary).run();
  for (auto &list : summary.next)
    std::sort(list.begin(), list.end(), [](const Edge &a, const Edge &b) {
      return std::tie(a.to, a.loops) < std::tie(b.to, b.loops);
    });
}

} // namespace flowshape
