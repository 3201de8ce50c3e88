// The dependency shape of a flow (SPEC "Shapes"): exactly one per flow.
#pragma once

#include "flowshape/FlowAnalysis.h"

#include <optional>
#include <string>

namespace flowshape {

enum class Shape { RequestDriven, EventDriven, Mixed, MessagingRequestReply, PublishThenBlock };

const char *shapeName(Shape shape);
const std::vector<Shape> &allShapes();

// The shape of an analysed function, or nothing when it has no messaging or
// RPC interaction (only waits, say) and is not a message consumer.
std::optional<Shape> classifyShape(const FlowAnalysis &flow);

} // namespace flowshape
