// unbounded-reply-wait: a reply-wait or broker request with no finite timeout.
#include "RuleHelpers.h"

#include "flowshape/Rule.h"

#include <deque>

namespace flowshape {
namespace {

class UnboundedReplyWait : public Rule {
public:
  const char *id() const override { return "unbounded-reply-wait"; }
  const char *title() const override { return "UnboundedReplyWait"; }
  const char *summary() const override {
    return "A wait for a reply has no finite timeout: when the responder is down the caller hangs with it.";
  }
  Severity defaultSeverity() const override { return Severity::Warning; }
  std::vector<std::string> tags() const override { return {"architecture", "messaging", "reliability"}; }

  void check(const RuleContext &context, std::vector<Finding> &out) const override {
    const FlowGraph &graph = *context.flow.graph;
    for (const WaitAfterPublish &wait : context.flow.waits) {
      if (wait.verdict != WaitVerdict::Reply || !wait.ownedByFlow || !wait.unboundedWait)
        continue;
      const FlowNode &publish = graph.nodes[wait.publishes.front()];
      const FlowNode &w = graph.nodes[wait.wait];
      Finding f = findingAt(context, w,
                            "the wait for the reply to " + publishedThing(publish) + " " + wait.unboundedReason +
                                ": the caller hangs as long as the responder does");
      f.evidence.push_back(evidenceFor(w, "wait", wait.unboundedReason + ": " + describeNode(w)));
      f.evidence.push_back(evidenceFor(publish, "publish", describeNode(publish)));
      markUndecided(f, publish);
      out.push_back(std::move(f));
    }
    for (uint32_t n = 0; n < graph.nodes.size(); ++n) {
      const FlowNode &request = graph.nodes[n];
      if (request.role == Role::BrokerRequest)
        checkBrokerRequest(context, graph, n, out);
    }
  }

private:
  // A broker request's timeout is its own argument (natsConnection_Request)
  // or, for a ZeroMQ REQ socket, the socket's receive timeout or a poll
  // with a timeout before the reply is read; a REQ socket whose reply is
  // never read waits for nothing. The flow that reports it is the one that
  // reports the request, or the one that calls the send and the read of a
  // client split over two methods.
  void checkBrokerRequest(const RuleContext &context, const FlowGraph &graph, uint32_t n,
                          std::vector<Finding> &out) const {
    const FlowNode &request = graph.nodes[n];
    if (request.event().timeout == Timeout::Awaited) {
      checkAwaitedRequest(context, graph, n, out);
      return;
    }
    if (request.timeout != Timeout::Unbounded)
      return;
    const FlowNode *replyRead = nullptr;
    if (request.event().timeout == Timeout::FromFact) {
      std::vector<bool> seen(graph.nodes.size(), false);
      std::deque<uint32_t> queue;
      for (const FlowEdge &edge : graph.next[n])
        queue.push_back(edge.to);
      while (!queue.empty()) {
        uint32_t m = queue.front();
        queue.pop_front();
        if (seen[m])
          continue;
        seen[m] = true;
        const FlowNode &node = graph.nodes[m];
        if (node.event().waitKind == "poll" && node.timeout == Timeout::Bounded)
          return; // polled with a timeout before reading the reply
        if (node.role == Role::Receive && context.program.sameLocalObject(node.object, request.object)) {
          replyRead = &node;
          break;
        }
        for (const FlowEdge &edge : graph.next[m])
          queue.push_back(edge.to);
      }
    }
    if (request.event().timeout == Timeout::FromFact && !replyRead)
      return;
    bool splitHere = replyRead && replyRead->top() != request.top();
    if (!context.program.reportsNode(request) && !splitHere)
      return;
    const FlowNode &at = replyRead ? *replyRead : request;
    Finding f = findingAt(context, at,
                          "the broker request" + destinationPhrase(request) +
                              " waits for its reply without a timeout: the caller hangs as long as the responder does");
    f.evidence.push_back(evidenceFor(request, "broker-request", describeNode(request)));
    if (replyRead)
      f.evidence.push_back(evidenceFor(*replyRead, "wait", "reads the reply with no receive timeout set on the socket"));
    out.push_back(std::move(f));
  }

  // A request that returns its reply (a ROS 2 service future): the first
  // wait on that value on each path is the reply-wait, and its timeout is
  // the request's. A request nobody waits on here (a response callback)
  // blocks nothing.
  void checkAwaitedRequest(const RuleContext &context, const FlowGraph &graph, uint32_t n,
                           std::vector<Finding> &out) const {
    const FlowNode &request = graph.nodes[n];
    const std::string &reply = request.event().result;
    if (reply.empty())
      return;
    std::vector<bool> seen(graph.nodes.size(), false);
    std::deque<uint32_t> queue;
    for (const FlowEdge &edge : graph.next[n])
      queue.push_back(edge.to);
    while (!queue.empty()) {
      uint32_t m = queue.front();
      queue.pop_front();
      if (seen[m])
        continue;
      seen[m] = true;
      const FlowNode &wait = graph.nodes[m];
      if (wait.role == Role::Wait && context.program.sameObject(wait.event().object, reply)) {
        reportAwaited(context, graph, request, wait, out);
        continue; // the first wait on the reply decides this path
      }
      for (const FlowEdge &edge : graph.next[m])
        queue.push_back(edge.to);
    }
  }

  void reportAwaited(const RuleContext &context, const FlowGraph &graph, const FlowNode &request,
                     const FlowNode &wait, std::vector<Finding> &out) const {
    std::string reason;
    if (wait.timeout == Timeout::Unbounded)
      reason = "waits without a timeout";
    for (uint32_t l : graph.loopsAround(wait)) {
      const Loop &info = graph.loops[l].info();
      if (!reason.empty() || graph.inLoop(request, l) || info.deadline)
        continue;
      if (info.unbounded)
        reason = "retries in a loop with no deadline";
      for (const std::string &key : info.conditionKeys)
        if (!info.whileCallSucceeds && context.program.sameObject(key, wait.event().object))
          reason = "retries the wait in a loop with no deadline";
    }
    bool splitHere = wait.top() != request.top();
    if (reason.empty() || (!context.program.reportsNode(request) && !splitHere))
      return;
    Finding f = findingAt(context, wait,
                          "the broker request" + destinationPhrase(request) + " " + reason +
                              " for its reply: the caller hangs as long as the responder does");
    f.evidence.push_back(evidenceFor(request, "broker-request", describeNode(request)));
    f.evidence.push_back(evidenceFor(wait, "wait", reason + ": " + describeNode(wait)));
    // A callback that blocks for a reply holds its executor (a ROS 2
    // single-threaded executor, a client library's delivery thread): the
    // reply it waits for may need that very thread to be delivered.
    if (context.flow.consumerCallback)
      f.evidence.push_back(evidenceFor(wait, "wait-in-callback",
                                       "blocks inside a message callback: if the reply is delivered by the same "
                                       "executor or thread, it never arrives"));
    out.push_back(std::move(f));
  }
};

} // namespace

std::unique_ptr<Rule> makeUnboundedReplyWait() { return std::make_unique<UnboundedReplyWait>(); }

} // namespace flowshape
