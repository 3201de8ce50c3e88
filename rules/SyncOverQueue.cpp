// sync-over-queue: a publish followed, on some path, by a wait for its reply.
#include "RuleHelpers.h"

#include "flowshape/Rule.h"

namespace flowshape {
namespace {

class SyncOverQueue : public Rule {
public:
  const char *id() const override { return "sync-over-queue"; }
  const char *title() const override { return "SyncOverQueue"; }
  const char *summary() const override {
    return "A message is published and the flow then blocks until its reply arrives: a synchronous dependency "
           "disguised behind a queue.";
  }
  Severity defaultSeverity() const override { return Severity::Warning; }

  void check(const RuleContext &context, std::vector<Finding> &out) const override {
    const FlowGraph &graph = *context.flow.graph;
    for (const WaitAfterPublish &wait : context.flow.waits) {
      if (wait.verdict != WaitVerdict::Reply || !wait.ownedByFlow)
        continue;
      const FlowNode &publish = graph.nodes[wait.publishes.front()];
      const FlowNode &w = graph.nodes[wait.wait];
      Finding f = findingAt(context, w,
                            "publishes " + publishedThing(publish) +
                                " and then blocks until the reply arrives: a synchronous dependency disguised "
                                "behind a queue");
      f.evidence = waitEvidence(graph, wait);
      markUndecided(f, publish);
      out.push_back(std::move(f));
    }
  }
};

} // namespace

std::unique_ptr<Rule> makeSyncOverQueue() { return std::make_unique<SyncOverQueue>(); }

} // namespace flowshape
