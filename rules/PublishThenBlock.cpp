// publish-then-block: a publish followed by a block that is neither the
// publish's acknowledgement nor shown to be its reply.
#include "RuleHelpers.h"

#include "flowshape/Rule.h"

namespace flowshape {
namespace {

class PublishThenBlock : public Rule {
public:
  const char *id() const override { return "publish-then-block"; }
  const char *title() const override { return "PublishThenBlock"; }
  const char *summary() const override {
    return "A message is published and the flow then blocks (sleeps, polls state, waits on an unrelated "
           "condition) for a downstream effect.";
  }
  Severity defaultSeverity() const override { return Severity::Warning; }
  const char *precision() const override { return "medium"; }

  void check(const RuleContext &context, std::vector<Finding> &out) const override {
    const FlowGraph &graph = *context.flow.graph;
    for (const WaitAfterPublish &wait : context.flow.waits) {
      if (wait.verdict != WaitVerdict::Block || !wait.ownedByFlow)
        continue;
      const FlowNode &publish = graph.nodes[wait.publishes.front()];
      const FlowNode &w = graph.nodes[wait.wait];
      Finding f = findingAt(context, w,
                            "publishes " + publishedThing(publish) + " and then blocks in " + w.event().api +
                                ": the flow still waits for a downstream effect, synchronously");
      f.evidence = waitEvidence(graph, wait);
      out.push_back(std::move(f));
    }
  }
};

} // namespace

std::unique_ptr<Rule> makePublishThenBlock() { return std::make_unique<PublishThenBlock>(); }

} // namespace flowshape
