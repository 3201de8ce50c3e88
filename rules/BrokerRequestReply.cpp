// broker-request-reply: an explicit request/reply API of a broker. Honest,
// but a request all the same: it deserves request-driven scrutiny.
#include "RuleHelpers.h"

#include "flowshape/Rule.h"

namespace flowshape {
namespace {

class BrokerRequestReply : public Rule {
public:
  const char *id() const override { return "broker-request-reply"; }
  const char *title() const override { return "BrokerRequestReply"; }
  const char *summary() const override {
    return "An explicit request/reply over a broker: evaluate it with request-driven trade-offs (timeouts, "
           "availability coupling), not as event-driven messaging.";
  }
  Severity defaultSeverity() const override { return Severity::Note; }

  void check(const RuleContext &context, std::vector<Finding> &out) const override {
    const FlowGraph &graph = *context.flow.graph;
    for (const FlowNode &node : graph.nodes) {
      if (node.role != Role::BrokerRequest || !context.program.reportsNode(node))
        continue;
      Finding f = findingAt(context, node,
                            "request/reply over the broker" + destinationPhrase(node) + " with " + node.event().api +
                                ": a direct dependency on the responder, to be judged as one");
      f.evidence.push_back(evidenceFor(node, "broker-request", describeNode(node)));
      out.push_back(std::move(f));
    }
  }
};

} // namespace

std::unique_ptr<Rule> makeBrokerRequestReply() { return std::make_unique<BrokerRequestReply>(); }

} // namespace flowshape
