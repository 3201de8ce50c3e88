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
};

} // namespace

std::unique_ptr<Rule> makeUnboundedReplyWait() { return std::make_unique<UnboundedReplyWait>(); }

} // namespace flowshape
