// The five shapes of the SPEC, with their precedence:
// messaging-request-reply > publish-then-block > mixed > request-driven / event-driven.
#include "flowshape/Shape.h"

namespace flowshape {

const char *shapeName(Shape shape) {
  switch (shape) {
  case Shape::RequestDriven: return "request-driven";
  case Shape::EventDriven: return "event-driven";
  case Shape::Mixed: return "mixed";
  case Shape::MessagingRequestReply: return "messaging-request-reply";
  case Shape::PublishThenBlock: return "publish-then-block";
  }
  return "?";
}

const std::vector<Shape> &allShapes() {
  static const std::vector<Shape> shapes = {Shape::RequestDriven, Shape::EventDriven, Shape::Mixed,
                                            Shape::MessagingRequestReply, Shape::PublishThenBlock};
  return shapes;
}

std::optional<Shape> classifyShape(const FlowAnalysis &flow) {
  bool direct = false, publish = false, consume = false, reply = false, block = false;
  for (const FlowNode &node : flow.graph->nodes) {
    switch (node.role) {
    case Role::DirectRequest: direct = true; break;
    case Role::Publish: publish = true; reply = reply || node.answered; break;
    case Role::BrokerRequest: reply = true; break;
    case Role::Receive:
    case Role::Subscribe: consume = true; break;
    default: break;
    }
  }
  // Waits found anywhere in the flow count, also those inside callees
  // (which report them as findings of their own).
  for (const WaitAfterPublish &wait : flow.waits) {
    reply = reply || wait.verdict == WaitVerdict::Reply;
    block = block || wait.verdict == WaitVerdict::Block;
  }
  if (reply)
    return Shape::MessagingRequestReply;
  if (block)
    return Shape::PublishThenBlock;
  if (direct && publish)
    return Shape::Mixed;
  if (direct)
    return Shape::RequestDriven;
  if (publish || consume || flow.consumerCallback)
    return Shape::EventDriven;
  return std::nullopt;
}

} // namespace flowshape
