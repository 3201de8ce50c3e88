#include "link/WaitFinder.h"

#include "llvm/ADT/BitVector.h"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <set>

namespace flowshape {

namespace {

// The innermost loop around a node, at whatever depth of the call chain.
std::optional<uint32_t> innermostLoop(const FlowGraph &graph, const FlowNode &node) {
  std::vector<uint32_t> loops = graph.loopsAround(node);
  if (loops.empty())
    return std::nullopt;
  return loops.back();
}

// A receive a poll found ready does not block (the poll before it did),
// unless the flow sent something in the same readiness branch first: then
// it waits for what answers that.
bool isBlocking(const FlowNode &node, const FlowNode *after = nullptr) {
  if (node.role == Role::Wait)
    return true;
  if (node.role != Role::Receive)
    return false;
  return node.readyGuard.empty() || (after && after->readyGuard == node.readyGuard);
}

enum class Kind { Pass, Reply, Block };

struct Verdict {
  Kind kind = Kind::Pass;
  std::string strength;
  std::vector<Evidence> reasons;
};

class Classifier {
public:
  Classifier(const Program &program, const FlowGraph &graph) : program_(program), graph_(graph) {
    for (uint32_t i = 0; i < graph.nodes.size(); ++i) {
      const FlowNode &n = graph.nodes[i];
      if (n.silent())
        continue;
      if (n.role == Role::ReplyMarker)
        markers_.push_back(i);
      // What a broker call returns is its acknowledgement; what a direct
      // request returns (cpprest's pplx::task) is that request's answer.
      if (n.role == Role::Publish || n.role == Role::BrokerRequest || n.role == Role::DirectRequest ||
          n.event().returnsAck) {
        const Event &p = n.event();
        if (!p.result.empty())
          ackResults_.insert(program.canonicalKey(p.result));
        // What such a call returns, acts on or is given (a delivery listener):
        // what a loop polls for its acknowledgement.
        for (const std::string *key : {&p.result, &p.object})
          if (!key->empty())
            ackKeys_.insert(program.canonicalKey(*key));
        for (const ArgumentValue &arg : p.args)
          if (!arg.key.empty())
            ackKeys_.insert(program.canonicalKey(arg.key));
      }
    }
    std::stable_sort(markers_.begin(), markers_.end(),
                     [&](uint32_t a, uint32_t b) { return graph.nodes[a].event().loc < graph.nodes[b].event().loc; });
    // Indexes, so that classifying one publish/wait pair costs the same
    // whatever the size of the flow (a function of 800 branches).
    std::set<std::string> kinds;
    for (uint32_t pos = 0; pos < markers_.size(); ++pos) {
      const FlowNode &marker = graph.nodes[markers_[pos]];
      if (!marker.destination.empty())
        markersByDestination_[marker.destination].push_back(pos);
      if (!marker.destinationKey.empty())
        markersByKey_[program.canonicalKey(marker.destinationKey)].push_back(pos);
      if (kinds.insert(marker.event().marker).second)
        firstOfKind_.push_back(markers_[pos]);
    }
  }

  // The verdict depends on the publish only through the readiness branch it
  // shares with the wait and the loops around the wait that also hold it:
  // publishes alike in both share one verdict (a flow of 800 branches
  // classifies each wait once, not once per publish before it).
  const Verdict &classifyCached(uint32_t p, uint32_t w) const {
    const FlowNode &publish = graph_.nodes[p], &wait = graph_.nodes[w];
    auto [around, fresh] = loopsAround_.try_emplace(w);
    if (fresh)
      around->second = graph_.loopsAround(wait);
    std::vector<bool> key;
    key.push_back(!wait.readyGuard.empty() && publish.readyGuard == wait.readyGuard);
    for (uint32_t l : around->second)
      key.push_back(graph_.inLoop(publish, l));
    auto [it, inserted] = verdicts_.try_emplace({w, std::move(key)});
    if (inserted)
      it->second = classify(publish, wait);
    return it->second;
  }

  Verdict classify(const FlowNode &publish, const FlowNode &wait) const {
    Verdict v;
    if (!isBlocking(wait, &publish))
      return v;
    const Event &w = wait.event();
    Completions completions;
    if (wait.role == Role::Wait) {
      // Waiting on the handle a broker call returned is waiting for the
      // broker's acknowledgement of that call: a delivery token, a publish future.
      if (!w.object.empty() && ackResults_.count(program_.canonicalKey(w.object)))
        return v;
      completions = completionsOf(publish, wait);
      if (completions.any && !completions.firstByConsumer)
        return v; // completed by a delivery-report callback: an acknowledgement
    }
    if (wait.role == Role::Wait && pollsOwnCompletion(publish, wait))
      return v; // sleeps until the publish's own delivery is confirmed
    if (wait.role == Role::Wait && waitsForStop(publish, wait))
      return v; // runs until told to stop: the process's life, not a reply
    auto loop = innermostLoop(graph_, wait);
    bool publishInLoop = loop && graph_.inLoop(publish, *loop);
    if (w.waitKind == "sleep" && publishInLoop)
      return v; // paces a loop that publishes: throttling, not waiting for an effect

    // Reply evidence, strongest first.
    bool receiveOnReply = false;
    if (wait.role == Role::Receive)
      for (uint32_t m : markersOnDestination(wait)) {
        const FlowNode &marker = graph_.nodes[m];
        if (!receiveOnReply)
          add(v, "strong", evidenceFor(wait, "receive-on-reply",
                                       "receives on the reply destination" + quoted(wait.destination) +
                                           " that the reply marker names"));
        receiveOnReply = true;
        add(v, "strong", evidenceFor(marker, "reply-marker", "reply marker" + markerText(marker)));
      }
    if (w.correlationLoop && wait.role == Role::Receive)
      add(v, "strong", evidenceFor(wait, "correlation-check", "receives in a loop that compares correlation ids"));
    if (const Completion *c = completions.firstByConsumer) {
      Evidence e;
      e.kind = "completed-by";
      e.loc = c->loc;
      e.message = "completed by message callback '" + c->function + "'";
      add(v, "strong", e);
    }
    // Reply markers of the flow not already named above, one of each kind
    // (reply-to, correlation-id, exclusive queue...), in source order.
    bool markerListed = std::any_of(v.reasons.begin(), v.reasons.end(), [](auto &e) { return e.kind == "reply-marker"; });
    if (!markerListed)
      for (uint32_t m : firstOfKind_) {
        const FlowNode &marker = graph_.nodes[m];
        add(v, "medium", evidenceFor(marker, "reply-marker", "the message carries a reply marker" + markerText(marker)));
      }
    if (v.reasons.empty() && wait.role == Role::Receive) {
      // A consume loop after a publish that never ends on a message is a
      // worker loop (announce, then serve), not a wait for one answer.
      if (loop && !publishInLoop && !graph_.loops[*loop].info().exits)
        return v;
      add(v, "weak", evidenceFor(wait, "receive-after-publish", "a receive follows the publish on this path"));
    }
    if (!v.reasons.empty()) {
      v.kind = Kind::Reply;
      return v;
    }
    v.kind = Kind::Block;
    v.reasons.push_back(evidenceFor(wait, "wait", blockReason(wait)));
    return v;
  }

  // Why a reply-wait may never end.
  std::string unbounded(const FlowNode &publish, const FlowNode &wait) const {
    if (wait.timeout == Timeout::Unbounded)
      return "waits without a timeout";
    auto loop = innermostLoop(graph_, wait);
    // A gather loop left when a bounded receive times out ends by itself.
    if (loop && !graph_.inLoop(publish, *loop) && graph_.loops[*loop].info().unbounded &&
        !graph_.loops[*loop].info().whileCallSucceeds)
      return "retries in a loop with no deadline";
    for (uint32_t l : pollingLoops(publish, wait)) {
      const Loop &info = graph_.loops[l].info();
      if (info.deadline)
        continue;
      // while (f.wait_for(100ms) != ready), while (!c.try_consume_message_for(&m, 1s)),
      // do { st = f.wait_for(1s); } while (st != ready): a timeout that only
      // makes the loop ask again (unlike while (ch->BasicConsumeMessage(tag,
      // env, 4000)), which a timeout ends).
      for (const std::string &key : info.conditionKeys)
        if (!info.whileCallSucceeds &&
            (program_.sameObject(key, wait.event().object) || program_.sameObject(key, wait.event().result)))
          return "retries the wait in a loop with no deadline";
      // while (!reply_ready) sleep_for(10ms): polls until a consumer says so.
      Completions polled;
      addPolledCompletions(l, wait, polled);
      if (polled.firstByConsumer)
        return "polls for the reply in a loop with no deadline";
    }
    return {};
  }

private:
  bool waitsForStop(const FlowNode &publish, const FlowNode &wait) const {
    for (uint32_t l : pollingLoops(publish, wait))
      if (graph_.loops[l].info().lifecycle)
        return true;
    return false;
  }

  // Loops around a wait that do not hold the publish: their conditions say
  // what the wait is for.
  std::vector<uint32_t> pollingLoops(const FlowNode &publish, const FlowNode &wait) const {
    std::vector<uint32_t> out;
    for (uint32_t l : graph_.loopsAround(wait))
      if (!graph_.inLoop(publish, l))
        out.push_back(l);
    return out;
  }

  // Who completes what a wait waits on: its own object (a future, a
  // condition variable), and what the loops around it poll (a flag a
  // callback sets). A function cannot complete a wait it is blocked in.
  // Only whether there is one and the first message callback among them
  // matter: a field of a large C library has thousands of writers.
  struct Completions {
    bool any = false;
    const Completion *firstByConsumer = nullptr;
  };

  Completions completionsOf(const FlowNode &publish, const FlowNode &wait) const {
    Completions out;
    addCompletionsOfKey(wait.event().object, wait, out);
    for (uint32_t l : pollingLoops(publish, wait))
      addPolledCompletions(l, wait, out);
    return out;
  }

  // Who completes what the condition of loop `l` polls.
  void addPolledCompletions(uint32_t l, const FlowNode &wait, Completions &out) const {
    for (const std::string &key : graph_.loops[l].info().conditionKeys)
      addCompletionsOfKey(key, wait, out);
  }

  void addCompletionsOfKey(const std::string &key, const FlowNode &wait, Completions &out) const {
    if (out.firstByConsumer)
      return; // nothing below can change the answer
    for (const Completion &c : program_.completionsOf(key)) {
      bool inWait = std::any_of(wait.path.begin(), wait.path.end(),
                                [&](const auto &step) { return step.first->usr == c.usr; });
      if (inWait)
        continue;
      out.any = true;
      if (c.byConsumer) {
        out.firstByConsumer = &c;
        return;
      }
    }
  }

  // while (!listener.is_done()) sleep(...), while (!token->is_complete()),
  // while (producer->outq_len() > 0): a loop around the wait, outside the
  // publish, whose condition reads a publish's handle, value or arguments
  // polls for the broker's acknowledgement.
  bool pollsOwnCompletion(const FlowNode &publish, const FlowNode &wait) const {
    for (uint32_t l : pollingLoops(publish, wait))
      for (const std::string &key : graph_.loops[l].info().conditionKeys)
        if (!key.empty() && ackKeys_.count(program_.canonicalKey(key)))
          return true;
    return false;
  }

  // Reply markers naming the destination a receive reads, in source order.
  std::vector<uint32_t> markersOnDestination(const FlowNode &wait) const {
    std::vector<uint32_t> positions;
    if (!wait.destination.empty())
      if (auto it = markersByDestination_.find(wait.destination); it != markersByDestination_.end())
        positions = it->second;
    if (!wait.destinationKey.empty())
      if (auto it = markersByKey_.find(program_.canonicalKey(wait.destinationKey)); it != markersByKey_.end())
        positions.insert(positions.end(), it->second.begin(), it->second.end());
    std::sort(positions.begin(), positions.end());
    positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
    std::vector<uint32_t> out;
    for (uint32_t pos : positions)
      out.push_back(markers_[pos]);
    return out;
  }

  static std::string quoted(const std::string &s) { return s.empty() ? std::string() : " '" + s + "'"; }
  static std::string markerText(const FlowNode &marker) {
    std::string kind = marker.event().marker;
    std::string out = kind.empty() ? "" : " (" + kind + ")";
    if (!marker.destination.empty())
      out += " naming '" + marker.destination + "'";
    return out;
  }
  static std::string blockReason(const FlowNode &wait) {
    const Event &w = wait.event();
    if (w.waitKind == "sleep")
      return "sleeps after publishing, waiting for an effect nothing here shows";
    return "blocks on " + w.api + " with nothing showing it waits for the reply";
  }
  static void add(Verdict &v, const std::string &strength, Evidence e) {
    if (v.strength.empty() || rank(strength) > rank(v.strength))
      v.strength = strength;
    e.strength = strength;
    v.reasons.push_back(std::move(e));
  }
  static int rank(const std::string &s) { return s == "strong" ? 3 : s == "medium" ? 2 : 1; }

  const Program &program_;
  const FlowGraph &graph_;
  mutable std::map<uint32_t, std::vector<uint32_t>> loopsAround_;
  mutable std::map<std::pair<uint32_t, std::vector<bool>>, Verdict> verdicts_;
  std::vector<uint32_t> markers_; // in source order
  std::map<std::string, std::vector<uint32_t>> markersByDestination_, markersByKey_; // positions in markers_
  std::vector<uint32_t> firstOfKind_; // the first marker of each kind, in source order
  std::set<std::string> ackResults_; // canonical keys of what broker calls return
  std::set<std::string> ackKeys_;    // ... return, act on or are given
};

// Breadth-first from `from` over the nodes that can follow it in the same
// iteration of every loop around it, or after those loops: a path may not
// take the back edge of a loop that holds both `from` and the node reached
// (the next message of a consume loop is not the reply to this iteration's
// publish). `visit(node)` returns whether to continue past a node.
template <typename Visit> void searchAfter(const FlowGraph &g, uint32_t from, Visit visit) {
  std::vector<uint32_t> around = g.loopsAround(g.nodes[from]);
  if (around.size() > 16)
    around.resize(16); // deeper nesting: the outer loops decide
  auto maskOf = [&](const std::vector<uint32_t> &loops) {
    uint32_t mask = 0;
    for (uint32_t l : loops)
      for (size_t b = 0; b < around.size(); ++b)
        if (around[b] == l)
          mask |= 1u << b;
    return mask;
  };
  // Nodes already queued, per mask of loops iterated: checked when queued,
  // since a node of a long function may have hundreds of successors.
  std::map<uint32_t, llvm::BitVector> seen;
  std::deque<std::pair<uint32_t, uint32_t>> queue;
  auto push = [&](uint32_t n, uint32_t mask) {
    llvm::BitVector &bits = seen[mask];
    if (bits.empty())
      bits.resize(g.nodes.size());
    if (bits.test(n))
      return;
    bits.set(n);
    queue.emplace_back(n, mask);
  };
  for (const FlowEdge &edge : g.next[from])
    push(edge.to, maskOf(edge.loops));
  while (!queue.empty()) {
    auto [n, mask] = queue.front();
    queue.pop_front();
    if (g.nodes[n].silent()) { // a junction: paths pass it
      for (const FlowEdge &edge : g.next[n])
        push(edge.to, edge.loops.empty() ? mask : mask | maskOf(edge.loops));
      continue;
    }
    bool sameIteration = true;
    for (size_t b = 0; b < around.size(); ++b)
      if ((mask & (1u << b)) && g.inLoop(g.nodes[n], around[b]))
        sameIteration = false;
    if (sameIteration && !visit(n))
      continue;
    for (const FlowEdge &edge : g.next[n])
      push(edge.to, edge.loops.empty() ? mask : mask | maskOf(edge.loops));
  }
}

} // namespace

std::vector<WaitAfterPublish> findWaitsAfterPublish(const Program &program, const FlowGraph &graph) {
  // Nothing can block: no search from any publish would find a wait (a
  // flow that only publishes, the common event-driven kind).
  if (std::none_of(graph.nodes.begin(), graph.nodes.end(),
                   [](const FlowNode &n) { return n.role == Role::Wait || n.role == Role::Receive; }))
    return {};
  Classifier classifier(program, graph);
  std::map<std::pair<uint32_t, int>, WaitAfterPublish> found; // (wait, kind)
  for (uint32_t p = 0; p < graph.nodes.size(); ++p) {
    const FlowNode &publish = graph.nodes[p];
    // A REP or ROUTER send answers a request: the next receive is the next request.
    if (publish.role != Role::Publish || publish.answersRequest)
      continue;
    // Publishes a callee already answered are part of that callee's request.
    bool answeredBelow = publish.answered && !publish.direct();
    // Two searches: the first reply-waits on each path (other blocks do not
    // stop it), and the first blocking operation of any kind.
    for (Kind wanted : {Kind::Reply, Kind::Block}) {
      searchAfter(graph, p, [&](uint32_t w) {
        const Verdict &v = classifier.classifyCached(p, w);
        if (v.kind == Kind::Pass)
          return true;
        if (v.kind != wanted)
          return wanted == Kind::Reply; // the reply search looks past other blocks
        const FlowNode &wait = graph.nodes[w];
        bool owned = !answeredBelow && (publish.direct() || wait.direct() || publish.top() != wait.top());
        auto [it, inserted] = found.try_emplace({w, static_cast<int>(wanted)});
        WaitAfterPublish &entry = it->second;
        if (inserted || (owned && !entry.ownedByFlow)) {
          entry.wait = w;
          entry.verdict = wanted == Kind::Reply ? WaitVerdict::Reply : WaitVerdict::Block;
          entry.strength = v.strength;
          entry.reasons = v.reasons;
          entry.ownedByFlow = owned;
          if (wanted == Kind::Reply) {
            entry.unboundedReason = classifier.unbounded(publish, wait);
            entry.unboundedWait = !entry.unboundedReason.empty();
          }
        }
        // Publishes are searched in order: p is new to this entry or its last.
        if (entry.publishes.empty() || entry.publishes.back() != p)
          entry.publishes.push_back(p);
        return false; // the first such operation on this path is the one that matters
      });
    }
  }
  std::vector<WaitAfterPublish> out;
  for (auto &[key, entry] : found) {
    // A wait that answers one publish is not also an unrelated block.
    if (key.second == static_cast<int>(Kind::Block) && found.count({key.first, static_cast<int>(Kind::Reply)}))
      continue;
    out.push_back(std::move(entry));
  }
  return out;
}

namespace {

// Calls mark(n) for every blocking operation on the reply handle of wait w
// (get() after wait_for() on one future): they belong to the same request.
template <typename Mark> void forWaitsOnHandle(const Program &program, const FlowGraph &graph, uint32_t w, Mark mark) {
  const std::string &handle = graph.nodes[w].event().object;
  if (handle.empty())
    return;
  std::string object = program.canonicalKey(handle);
  for (uint32_t n = 0; n < graph.nodes.size(); ++n) {
    const FlowNode &node = graph.nodes[n];
    if (isBlocking(node) && !node.event().object.empty() && program.canonicalKey(node.event().object) == object)
      mark(n);
  }
}

// Marks the replies found inside one body of the graph's call cycle placed
// in it (publish and wait below one call of the graph's function, in the
// body of the same function of the cycle: what a spliced copy of that
// function's graph would hold) as that body's request: answered. Returns
// whether it marked any.
bool markPlacedReplies(FlowGraph &graph, const Program &program, const std::vector<bool> &placed,
                       const std::vector<WaitAfterPublish> &waits) {
  auto together = [&](uint32_t a, uint32_t b) {
    const FlowNode &x = graph.nodes[a], &y = graph.nodes[b];
    return placed[a] && placed[b] && x.path[0] == y.path[0] && x.path[1].first == y.path[1].first;
  };
  bool any = false;
  for (const WaitAfterPublish &w : waits) {
    if (w.verdict != WaitVerdict::Reply || !placed[w.wait])
      continue;
    bool answered = false;
    for (uint32_t p : w.publishes)
      if (together(p, w.wait)) {
        graph.nodes[p].answered = true;
        answered = true;
      }
    if (!answered)
      continue;
    any = true;
    graph.nodes[w.wait].replyOfAnswered = true;
    forWaitsOnHandle(program, graph, w.wait, [&](uint32_t n) {
      if (together(n, w.wait))
        graph.nodes[n].replyOfAnswered = true;
    });
  }
  return any;
}

} // namespace

std::vector<WaitAfterPublish> markAnswered(const Program &program, FlowGraph &graph, const std::vector<bool> *placed) {
  std::vector<WaitAfterPublish> waits = findWaitsAfterPublish(program, graph);
  // A reply a placed body awaits is not the flow's own: marked, it changes
  // which pairs the flow owns, so the search runs again.
  if (placed && markPlacedReplies(graph, program, *placed, waits))
    waits = findWaitsAfterPublish(program, graph);
  for (const WaitAfterPublish &w : waits) {
    if (w.verdict != WaitVerdict::Reply)
      continue;
    graph.nodes[w.wait].replyHere = true;
    for (uint32_t p : w.publishes)
      graph.nodes[p].answeredHere = true;
    forWaitsOnHandle(program, graph, w.wait, [&](uint32_t n) { graph.nodes[n].replyHere = true; });
  }
  return waits;
}

} // namespace flowshape
