// Linking: summaries of all translation units become one program.
#include "flowshape/Program.h"

#include "link/GraphBuilder.h"

#include <algorithm>
#include <cassert>
#include <set>
#include <tuple>
#include <utility>
#include <unordered_set>

namespace flowshape {

Program::Program(std::vector<TranslationUnitSummary> units) : units_(std::move(units)) {
  // Units in path order, so that "first definition wins" is the same for
  // any input order (inline functions appear in every TU that includes them);
  // units with errors last, so that a complete definition wins over theirs.
  auto partial = [](const TranslationUnitSummary &u) {
    return !u.functions.empty() && !u.functions.front().partialUnit.empty();
  };
  std::sort(units_.begin(), units_.end(), [&](const TranslationUnitSummary &a, const TranslationUnitSummary &b) {
    if (partial(a) != partial(b))
      return partial(b);
    return a.mainFile < b.mainFile;
  });
  // A definition seen in several units (inline, in a header) is one
  // function; definitions of one USR at different places are several.
  for (const auto &unit : units_)
    for (const auto &fn : unit.functions) {
      auto &defs = byUsr_[fn.usr];
      bool known = std::any_of(defs.begin(), defs.end(), [&](const FunctionSummary *d) { return d->loc == fn.loc; });
      if (!known)
        defs.push_back(&fn);
    }
  for (const auto &[usr, defs] : byUsr_)
    for (const FunctionSummary *fn : defs) {
      ordered_.push_back(fn);
      for (const auto &base : fn->overrides)
        overriders_[base.usr].push_back(fn);
    }
  std::sort(ordered_.begin(), ordered_.end(), [](const FunctionSummary *a, const FunctionSummary *b) {
    return std::tie(a->loc.file, a->loc.line, a->loc.column, a->name, a->usr) <
           std::tie(b->loc.file, b->loc.line, b->loc.column, b->name, b->usr);
  });
  resolveKeys();
  findCycles();
  {
    std::map<const FunctionSummary *, size_t> position;
    for (size_t i = 0; i < ordered_.size(); ++i)
      position[ordered_[i]] = i;
    callees_.resize(ordered_.size());
    for (size_t i = 0; i < ordered_.size(); ++i) {
      for (const Event &e : ordered_[i]->events)
        if (e.kind == EventKind::Call)
          for (const FunctionSummary *t : targets(e))
            callees_[i].push_back(position.at(t));
      std::sort(callees_[i].begin(), callees_[i].end());
      callees_[i].erase(std::unique(callees_[i].begin(), callees_[i].end()), callees_[i].end());
    }
  }
  for (const auto &unit : units_)
    for (const auto &fact : unit.facts) {
      // Which function stores a field is asked of storesBy_ alone: kept out
      // of the object facts, which callers inherit through parameters (a
      // C library's writes of its handle's fields number in the 100,000s).
      if (fact.name == "stored-by") {
        storesBy_[fact.value].push_back(&fact);
        continue;
      }
      facts_[canonical(fact.key)].push_back(&fact);
      localFacts_[canonicalLocal(fact.key)].push_back(&fact);
      if (fact.name == "consumer-callback")
        consumerCallbacks_.insert(fact.key);
      else if (fact.name == "ack-callback")
        ackCallbacks_.insert(fact.key);
    }
  bindParameterFacts();
  collectCompletions();
}

Program::~Program() = default;

const FunctionSummary *Program::function(const std::string &usr) const {
  auto it = byUsr_.find(usr);
  return it == byUsr_.end() ? nullptr : it->second.front();
}

std::vector<const FunctionSummary *> Program::resolveTargets(const Event &call) const {
  std::vector<const FunctionSummary *> out;
  if (auto it = byUsr_.find(call.callee); it != byUsr_.end())
    out = it->second;
  if (call.isVirtual) {
    auto it = overriders_.find(call.callee);
    if (it != overriders_.end())
      for (const FunctionSummary *fn : it->second)
        if (std::find(out.begin(), out.end(), fn) == out.end())
          out.push_back(fn);
  }
  return out;
}

// Resolved once per call: every stage of the link asks again.
const std::vector<const FunctionSummary *> &Program::targets(const Event &call) const {
  auto [it, fresh] = targets_.try_emplace(&call);
  if (fresh)
    it->second = resolveTargets(call);
  return it->second;
}

namespace {

// Union-find with path compression; the root of a set is its least key, so
// the result does not depend on the order of unions.
std::string find(llvm::StringMap<std::string> &parent, const std::string &key) {
  // The walk to the root copies no key (they are long, USR-based); only
  // the compression writes.
  llvm::StringRef root = key;
  for (auto it = parent.find(root); it != parent.end() && it->second != root; it = parent.find(root))
    root = it->second;
  std::string result = root.str();
  for (std::string at = key; at != result;) {
    auto it = parent.find(at);
    at = std::exchange(it->second, result);
  }
  return result;
}

void unite(llvm::StringMap<std::string> &parent, const std::string &a, const std::string &b) {
  if (a.empty() || b.empty())
    return;
  std::string ra = find(parent, a), rb = find(parent, b);
  if (ra == rb)
    return;
  if (rb < ra)
    std::swap(ra, rb);
  parent[ra] = ra;
  parent[rb] = ra;
}

} // namespace

std::string Program::canonical(const std::string &key) const { return find(parent_, key); }
std::string Program::canonicalLocal(const std::string &key) const { return find(localParent_, key); }

// Object identity is context-insensitive: a parameter is the same object as
// every argument passed to it, a call's value the same as what the callee
// returns. Simple, deterministic, and enough to follow a future or a socket
// through a helper. The local identity leaves parameters out, for what must
// not mix the objects of different callers: a socket's type and timeout,
// which the flow graph binds call by call (GraphBuilder).
void Program::resolveKeys() {
  for (const FunctionSummary *fn : ordered_)
    for (const auto &[a, b] : fn->aliases) {
      unite(parent_, a, b);
      unite(localParent_, a, b);
    }
  for (const FunctionSummary *fn : ordered_)
    for (const Event &event : fn->events) {
      if (event.kind != EventKind::Call)
        continue;
      for (const FunctionSummary *target : targets(event)) {
        called_.insert(target->usr);
        for (size_t i = 0; i < event.args.size() && i < target->params.size(); ++i)
          unite(parent_, target->params[i], event.args[i].key);
        for (const std::string &ret : target->returnKeys) {
          unite(parent_, event.result, ret);
          unite(localParent_, event.result, ret);
        }
      }
    }
}

// What a helper records about its parameter (configure(sock) sets the
// socket's receive timeout) holds for each argument passed to it, through
// chains of helpers.
void Program::bindParameterFacts() {
  // Every binding of a callee's parameter to what a call passes, in call
  // order.
  struct Binding {
    std::string from, to;
    size_t done = 0; // facts of `from` already passed on (lists only grow)
  };
  std::vector<Binding> bindings;
  for (const FunctionSummary *fn : ordered_)
    for (const Event &event : fn->events) {
      if (event.kind != EventKind::Call)
        continue;
      for (const FunctionSummary *target : targets(event))
        for (size_t i = 0; i < event.args.size() && i < target->params.size(); ++i) {
          if (event.args[i].key.empty())
            continue;
          std::string from = canonicalLocal(target->params[i]), to = canonicalLocal(event.args[i].key);
          if (from != to)
            bindings.push_back({std::move(from), std::move(to), 0});
        }
    }
  // Membership beside each key's list (the list keeps the order facts
  // arrived in): a handle passed down a deep library collects thousands.
  llvm::StringMap<std::unordered_set<const Fact *>> members;
  auto memberSet = [&](const std::string &key, const std::vector<const Fact *> &list) -> auto & {
    auto [it, fresh] = members.try_emplace(key);
    if (fresh)
      it->second.insert(list.begin(), list.end());
    return it->second;
  };
  // Each pass passes on only what arrived since the binding's last pass: the
  // same facts, in the same order, as passing every list again.
  for (int pass = 0; pass < 8; ++pass) {
    bool changed = false;
    for (Binding &binding : bindings) {
      auto it = localFacts_.find(binding.from);
      if (it == localFacts_.end() || binding.done >= it->second.size())
        continue;
      const std::vector<const Fact *> &facts = it->second; // another key's list: stays valid
      std::vector<const Fact *> &into = localFacts_[binding.to];
      auto &known = memberSet(binding.to, into);
      size_t end = facts.size();
      for (size_t f = binding.done; f < end; ++f)
        if (known.insert(facts[f]).second) {
          into.push_back(facts[f]);
          changed = true;
        }
      binding.done = end;
    }
    if (!changed)
      break;
  }
}

bool Program::sameObject(const std::string &a, const std::string &b) const {
  return !a.empty() && !b.empty() && canonical(a) == canonical(b);
}

bool Program::sameLocalObject(const std::string &a, const std::string &b) const {
  return !a.empty() && !b.empty() && canonicalLocal(a) == canonicalLocal(b);
}

namespace {

std::vector<const Fact *> named(const llvm::StringMap<std::vector<const Fact *>> &facts,
                                const std::string &canonicalKey, const std::string &name) {
  std::vector<const Fact *> out;
  auto it = facts.find(canonicalKey);
  if (it != facts.end())
    for (const Fact *fact : it->second)
      if (fact->name == name)
        out.push_back(fact);
  return out;
}

} // namespace

std::vector<const Fact *> Program::localFactsOf(const std::string &key, const std::string &name) const {
  return key.empty() ? std::vector<const Fact *>{} : named(localFacts_, canonicalLocal(key), name);
}

std::vector<const Fact *> Program::factsOf(const std::string &key, const std::string &name) const {
  return key.empty() ? std::vector<const Fact *>{} : named(facts_, canonical(key), name);
}

bool Program::reportsNode(const FlowNode &node) const {
  if (node.objectBoundHere)
    return true;
  return node.direct() && (!node.objectOpen || !isCalled(node.path.front().first->usr));
}

bool Program::isConsumerCallback(const std::string &usr) const { return consumerCallbacks_.count(usr) != 0; }
bool Program::isAckCallback(const std::string &usr) const { return ackCallbacks_.count(usr) != 0; }

const std::vector<Completion> &Program::completionsOf(const std::string &key) const {
  static const std::vector<Completion> none;
  if (key.empty())
    return none;
  auto it = completions_.find(canonical(key));
  return it == completions_.end() ? none : it->second;
}

// Who completes which future, condition or flag: every complete event, and
// every write of a global or field, reachable through calls from a consumer
// (a registered message callback, or a function that receives) or from a
// delivery-report callback.
void Program::collectCompletions() {
  // What each function completes itself, by canonical key, at its first
  // place: worked out once per function, not once per callback reaching it.
  // Of one callback's completions of a key only the first matters: readers
  // skip a callback as a whole (a wait's own call chain) and take the first
  // that is left.
  std::map<const FunctionSummary *, std::vector<std::pair<std::string, Location>>> own;
  auto ownOf = [&](const FunctionSummary *fn) -> const std::vector<std::pair<std::string, Location>> & {
    auto [it, inserted] = own.try_emplace(fn);
    if (!inserted)
      return it->second;
    std::map<std::string, Location> first;
    auto note = [&](const std::string &key, const Location &loc) {
      auto [at, fresh] = first.try_emplace(canonical(key), loc);
      if (!fresh && loc < at->second)
        at->second = loc;
    };
    for (const Event &e : fn->events)
      if (e.kind != EventKind::Call && e.role == Role::Complete && !e.object.empty())
        note(e.object, e.loc);
    if (auto stores = storesBy_.find(fn->usr); stores != storesBy_.end())
      for (const Fact *store : stores->second)
        note(store->key, store->loc);
    it->second.assign(first.begin(), first.end());
    return it->second;
  };
  for (const FunctionSummary *root : ordered_) {
    bool consumer = isConsumerCallback(root->usr);
    bool ack = isAckCallback(root->usr);
    if (!consumer)
      for (const Event &e : root->events)
        consumer = consumer || (e.kind == EventKind::Interaction && e.role == Role::Receive);
    if (!consumer && !ack)
      continue;
    std::vector<const FunctionSummary *> work{root};
    std::set<const FunctionSummary *> seen{root};
    std::map<std::string, Location> first;
    for (size_t i = 0; i < work.size(); ++i) {
      for (const Event &e : work[i]->events)
        if (e.kind == EventKind::Call)
          for (const FunctionSummary *t : targets(e))
            if (seen.insert(t).second)
              work.push_back(t);
      for (const auto &[key, loc] : ownOf(work[i])) {
        auto [at, fresh] = first.try_emplace(key, loc);
        if (!fresh && loc < at->second)
          at->second = loc;
      }
    }
    for (const auto &[key, loc] : first)
      completions_[key].push_back({root->name, root->usr, loc, consumer});
  }
  for (auto &[key, list] : completions_)
    std::sort(list.begin(), list.end(), [](const Completion &a, const Completion &b) {
      return std::tie(b.byConsumer, a.loc, a.function) < std::tie(a.byConsumer, b.loc, b.function);
    });
}

// Strongly connected components of the call graph (Tarjan, iterative):
// GraphBuilder must not reuse a graph of a function in the cycle it is
// expanding, or a function's answer would depend on which function of the
// cycle happened to be analysed first.
void Program::findCycles() {
  struct Frame {
    const FunctionSummary *fn;
    std::vector<const FunctionSummary *> callees;
    size_t next = 0;
  };
  std::map<const FunctionSummary *, uint32_t> index, low;
  std::set<const FunctionSummary *> onStack;
  std::vector<const FunctionSummary *> stack;
  uint32_t counter = 0, component = 0;
  std::vector<std::vector<const FunctionSummary *>> members;
  auto push = [&](std::vector<Frame> &dfs, const FunctionSummary *fn) {
    index[fn] = low[fn] = counter++;
    stack.push_back(fn);
    onStack.insert(fn);
    Frame frame{fn, {}, 0};
    for (const Event &e : fn->events)
      if (e.kind == EventKind::Call)
        for (const FunctionSummary *t : targets(e))
          frame.callees.push_back(t);
    dfs.push_back(std::move(frame));
  };
  for (const FunctionSummary *root : ordered_) {
    if (index.count(root))
      continue;
    std::vector<Frame> dfs;
    push(dfs, root);
    while (!dfs.empty()) {
      Frame &top = dfs.back();
      if (top.next < top.callees.size()) {
        const FunctionSummary *callee = top.callees[top.next++];
        if (!index.count(callee))
          push(dfs, callee); // invalidates `top`
        else if (onStack.count(callee))
          low[top.fn] = std::min(low[top.fn], index[callee]);
        continue;
      }
      const FunctionSummary *fn = top.fn;
      if (low[fn] == index[fn]) {
        const FunctionSummary *member = nullptr;
        do {
          member = stack.back();
          stack.pop_back();
          onStack.erase(member);
          cycles_[member] = component;
          if (members.size() <= component)
            members.resize(component + 1);
          members[component].push_back(member);
        } while (member != fn);
        ++component;
      }
      dfs.pop_back();
      if (!dfs.empty())
        low[dfs.back().fn] = std::min(low[dfs.back().fn], low[fn]);
    }
  }
  findSilentCycles(members);
}

// Tarjan closes a cycle after every cycle it calls: one pass in that order.
void Program::findSilentCycles(const std::vector<std::vector<const FunctionSummary *>> &members) {
  silentCycles_.assign(members.size(), true);
  for (uint32_t c = 0; c < members.size(); ++c)
    for (const FunctionSummary *fn : members[c])
      for (const Event &e : fn->events) {
        if (e.kind == EventKind::Interaction && !GraphBuilder::inert(e))
          silentCycles_[c] = false;
        if (e.kind == EventKind::Call)
          for (const FunctionSummary *t : targets(e)) {
            assert(cycles_.at(t) <= c && "Tarjan closes a callee's cycle first");
            if (cycles_.at(t) != c && !silentCycles_[cycles_.at(t)])
              silentCycles_[c] = false;
          }
      }
}

std::vector<size_t> Program::bottomUpOrder() const {
  std::vector<size_t> order(ordered_.size());
  for (size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  // Tarjan numbers components in the order it closes them: callees first.
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return cycleOf(ordered_[a]) < cycleOf(ordered_[b]); });
  return order;
}

void Program::releaseGraph(const FunctionSummary &fn) const {
  graphs_.erase(&fn);
  thisGraphs_.erase(thisGraphs_.lower_bound({&fn, std::string()}), thisGraphs_.lower_bound({&fn + 1, std::string()}));
}

void Program::releaseGraphs() const {
  graphs_.clear();
  thisGraphs_.clear();
}

const FlowGraph &Program::graph(const FunctionSummary &fn) const {
  auto it = graphs_.find(&fn);
  if (it != graphs_.end())
    return *it->second;
  return GraphBuilder(*this).build(fn);
}

} // namespace flowshape
