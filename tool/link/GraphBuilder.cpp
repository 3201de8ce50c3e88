#include "link/GraphBuilder.h"
#include "link/WaitFinder.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"

#include <algorithm>
#include <deque>
#include <set>

namespace flowshape {

namespace {

// Where one event of a function lands in its expanded graph.
struct Piece {
  std::vector<uint32_t> entries;
  std::vector<uint32_t> exits;
  bool empty = true; // control can pass the event without any node
};

void addEdge(FlowGraph &g, uint32_t from, uint32_t to, bool back) {
  auto &list = back ? g.nextBack[from] : g.next[from];
  if (std::find(list.begin(), list.end(), to) == list.end())
    list.push_back(to);
}

} // namespace

const FlowGraph &GraphBuilder::build(const FunctionSummary &fn) {
  bool incomplete = false;
  std::shared_ptr<const FlowGraph> graph = expand(fn, 0, incomplete);
  auto &slot = program_.graphs_[fn.usr];
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
  // Destinations named elsewhere: a Topic* made by Topic::create("orders"),
  // or the queue a connection consumes from (amqp_basic_consume).
  if (node.destination.empty() && !e.destinationKey.empty())
    if (auto facts = program_.factsOf(e.destinationKey, "destination"); !facts.empty())
      node.destination = facts.front()->value;
  if (node.destination.empty() && e.role == Role::Receive)
    if (auto facts = program_.factsOf(e.object, "consumes"); !facts.empty())
      node.destination = facts.front()->value;
  // A role decided by a fact on the object: the type of a ZeroMQ socket.
  if (!e.decidingFact.empty()) {
    auto facts = program_.factsOf(e.object, e.decidingFact);
    if (!facts.empty())
      for (const auto &[pattern, role] : e.factRoles)
        if (llvm::Regex(pattern).match(facts.front()->value)) {
          node.role = role;
          break;
        }
  }
  // A timeout held by the object: a socket's receive timeout, -1 (the
  // default) meaning forever.
  if (e.timeout == Timeout::FromFact) {
    auto facts = program_.factsOf(e.object, e.timeoutFact);
    node.timeout = Timeout::Unbounded;
    for (const Fact *fact : facts) {
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
  return node;
}

std::shared_ptr<const FlowGraph> GraphBuilder::expand(const FunctionSummary &fn, size_t depth, bool &incomplete) {
  if (auto it = program_.graphs_.find(fn.usr); it != program_.graphs_.end())
    return std::shared_ptr<const FlowGraph>(std::shared_ptr<const FlowGraph>(), it->second.get());
  if (auto it = partial_.find(fn.usr); it != partial_.end()) {
    incomplete = true;
    return it->second;
  }
  stack_.push_back(&fn);
  bool cut = false; // a recursive call was not spliced in
  auto graph = std::make_shared<FlowGraph>();
  FlowGraph &g = *graph;
  std::vector<Piece> pieces(fn.events.size());

  auto newNode = [&](FlowNode node) {
    g.nodes.push_back(std::move(node));
    g.next.emplace_back();
    g.nextBack.emplace_back();
    g.exits.push_back(false);
    return static_cast<uint32_t>(g.nodes.size() - 1);
  };

  for (uint32_t i = 0; i < fn.events.size(); ++i) {
    const Event &e = fn.events[i];
    Piece &piece = pieces[i];
    if (e.kind == EventKind::Interaction) {
      uint32_t id = newNode(nodeFor(fn, i));
      piece = {{id}, {id}, false};
      continue;
    }
    // The call can pass without events when some target can (or when a
    // target is not spliced in: recursion, limits).
    bool anyEmpty = false;
    for (const FunctionSummary *target : program_.targets(e)) {
      if (std::find(stack_.begin(), stack_.end(), target) != stack_.end()) {
        cut = true;
        anyEmpty = true;
        continue;
      }
      if (depth + 1 >= kMaxDepth || g.nodes.size() >= kMaxNodes) {
        g.truncated = true;
        anyEmpty = true;
        continue;
      }
      bool subIncomplete = false;
      std::shared_ptr<const FlowGraph> sub = expand(*target, depth + 1, subIncomplete);
      cut = cut || subIncomplete;
      g.truncated = g.truncated || sub->truncated;
      auto offset = static_cast<uint32_t>(g.nodes.size());
      for (const FlowNode &inner : sub->nodes) {
        FlowNode node = inner;
        node.path.insert(node.path.begin(), {&fn, i});
        node.via.insert(node.via.begin(), ViaStep{target->name, e.loc});
        node.destinationFromFlow = false;
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
        newNode(std::move(node));
      }
      for (uint32_t n = 0; n < sub->nodes.size(); ++n) {
        for (uint32_t to : sub->next[n])
          addEdge(g, offset + n, offset + to, false);
        for (uint32_t to : sub->nextBack[n])
          addEdge(g, offset + n, offset + to, true);
        if (sub->exits[n])
          piece.exits.push_back(offset + n);
      }
      for (uint32_t n : sub->entry)
        piece.entries.push_back(offset + n);
      anyEmpty = anyEmpty || sub->emptyPath;
    }
    // A call with no known body runs nothing flowshape can see.
    piece.empty = piece.entries.empty() || anyEmpty;
  }

  // Connect pieces along the function's own event graph, passing through
  // events that can be empty.
  auto explore = [&](std::vector<std::pair<uint32_t, bool>> starts, std::set<std::pair<uint32_t, bool>> &found) {
    bool exit = false;
    std::set<std::pair<uint32_t, bool>> seen;
    std::deque<std::pair<uint32_t, bool>> queue(starts.begin(), starts.end());
    while (!queue.empty()) {
      auto [j, back] = queue.front();
      queue.pop_front();
      if (!seen.insert({j, back}).second)
        continue;
      for (uint32_t n : pieces[j].entries)
        found.insert({n, back});
      if (!pieces[j].empty)
        continue;
      if (fn.exits[j])
        exit = true;
      for (uint32_t s : fn.next[j])
        queue.emplace_back(s, back);
      for (uint32_t s : fn.nextBack[j])
        queue.emplace_back(s, true);
    }
    return exit;
  };

  for (uint32_t i = 0; i < fn.events.size(); ++i) {
    if (pieces[i].exits.empty())
      continue;
    std::vector<std::pair<uint32_t, bool>> starts;
    for (uint32_t s : fn.next[i])
      starts.emplace_back(s, false);
    for (uint32_t s : fn.nextBack[i])
      starts.emplace_back(s, true);
    std::set<std::pair<uint32_t, bool>> found;
    bool exit = explore(starts, found) || fn.exits[i];
    for (uint32_t from : pieces[i].exits) {
      for (const auto &[to, back] : found)
        if (!back || !found.count({to, false}))
          addEdge(g, from, to, back);
      if (exit)
        g.exits[from] = true;
    }
  }
  {
    std::vector<std::pair<uint32_t, bool>> starts;
    for (uint32_t s : fn.entry)
      starts.emplace_back(s, false);
    std::set<std::pair<uint32_t, bool>> found;
    bool exit = explore(starts, found);
    for (const auto &[n, back] : found)
      if (std::find(g.entry.begin(), g.entry.end(), n) == g.entry.end())
        g.entry.push_back(n);
    g.emptyPath = fn.emptyPath || exit;
  }
  for (auto *lists : {&g.next, &g.nextBack})
    for (auto &list : *lists)
      std::sort(list.begin(), list.end());
  std::sort(g.entry.begin(), g.entry.end());

  // Publishes whose reply this function itself awaits are answered: to
  // callers, the function is a broker request, not an open publish.
  markAnswered(program_, g);

  stack_.pop_back();
  if (cut && depth > 0) {
    incomplete = true;
    partial_[fn.usr] = graph;
    return graph;
  }
  auto &slot = program_.graphs_[fn.usr];
  if (!slot)
    slot = std::make_unique<FlowGraph>(std::move(*graph));
  return std::shared_ptr<const FlowGraph>(std::shared_ptr<const FlowGraph>(), slot.get());
}

} // namespace flowshape
