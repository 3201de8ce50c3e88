#include "flowshape/Summary.h"

#include <tuple>

namespace flowshape {

const char *roleName(Role role) {
  switch (role) {
  case Role::DirectRequest: return "direct-request";
  case Role::Publish: return "publish";
  case Role::BrokerRequest: return "broker-request";
  case Role::Receive: return "receive";
  case Role::Wait: return "wait";
  case Role::AckWait: return "ack-wait";
  case Role::ReplyMarker: return "reply-marker";
  case Role::Subscribe: return "subscribe";
  case Role::Complete: return "complete";
  case Role::CallbackSetup: return "callback-setup";
  case Role::Control: return "control";
  case Role::Fact: return "fact";
  }
  return "?";
}

std::optional<Role> parseRole(const std::string &name) {
  for (Role r : {Role::DirectRequest, Role::Publish, Role::BrokerRequest, Role::Receive, Role::Wait, Role::AckWait,
                 Role::ReplyMarker, Role::Subscribe, Role::Complete, Role::CallbackSetup, Role::Control, Role::Fact})
    if (name == roleName(r))
      return r;
  return std::nullopt;
}

bool isReportedRole(Role role) {
  switch (role) {
  case Role::DirectRequest:
  case Role::Publish:
  case Role::BrokerRequest:
  case Role::Receive:
  case Role::Wait:
  case Role::AckWait:
  case Role::ReplyMarker:
  case Role::Subscribe:
    return true;
  default:
    return false;
  }
}

const char *timeoutName(Timeout t) {
  switch (t) {
  case Timeout::NotApplicable: return "n/a";
  case Timeout::Bounded: return "bounded";
  case Timeout::Unbounded: return "unbounded";
  case Timeout::Unknown: return "unknown";
  case Timeout::FromFact: return "from-fact";
  case Timeout::Awaited: return "awaited";
  }
  return "?";
}

bool Location::operator<(const Location &o) const {
  return std::tie(file, line, column, endLine, endColumn) < std::tie(o.file, o.line, o.column, o.endLine, o.endColumn);
}

bool Location::operator==(const Location &o) const {
  return std::tie(file, line, column, endLine, endColumn) == std::tie(o.file, o.line, o.column, o.endLine, o.endColumn);
}

} // namespace flowshape
