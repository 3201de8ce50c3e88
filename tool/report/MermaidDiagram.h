// A flow as a Mermaid sequence diagram (plain sequenceDiagram syntax, which
// GitHub and GitLab render), in the style of the seed article:
//
//   sequenceDiagram
//       participant F as ApprovalClient::requestApproval
//       participant P1 as approval.requested
//       F->>P1: publish (RdKafka::Producer::produce), reply to approval.replies
//       Note over F: blocked in std::future::get until the reply arrives
//       P2-->>F: reply
#pragma once

#include "flowshape/Report.h"

#include <string>
#include <vector>

namespace flowshape {

// Participants: the flow, the services it calls directly and the broker
// destinations it talks to. Arrows: direct requests and their responses,
// publishes, broker requests, receives and replies. The findings mark which
// waits block for a reply (a note, then the reply) and which block on
// something else. Ends with a newline.
std::string sequenceDiagram(const FlowReport &flow, const std::vector<const Finding *> &findings);

// Text safe in a Mermaid participant alias, message or note: the characters
// Mermaid reads as comments, statement ends or HTML become entity codes.
std::string escapeMermaid(const std::string &text);

} // namespace flowshape
