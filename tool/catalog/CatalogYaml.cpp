#include "catalog/CatalogYaml.h"

#include <algorithm>

using namespace llvm;
using namespace llvm::yaml;

namespace flowshape {

unsigned YamlContext::lineOf(IO &io) const {
  auto *input = static_cast<Input *>(&io);
  const auto *node = input->getCurrentNode();
  if (!node || !bufferStart)
    return 0;
  const char *at = node->getSourceRange().Start.getPointer();
  if (!at || at < bufferStart)
    return 0;
  return 1 + static_cast<unsigned>(std::count(bufferStart, at, '\n'));
}

void YamlDiagnostic::handler(const SMDiagnostic &diag, void *context) {
  auto *self = static_cast<YamlDiagnostic *>(context);
  if (!self->message.empty())
    return; // keep the first, it is the cause
  self->message = diag.getFilename().str() + ":" + std::to_string(diag.getLineNo()) + ":" +
                  std::to_string(diag.getColumnNo() + 1) + ": " + diag.getMessage().str();
}

std::string checkRegex(const std::string &pattern) {
  std::string error;
  if (!Regex(pattern).isValid(error))
    return "invalid regular expression '" + pattern + "': " + error;
  return {};
}

} // namespace flowshape

namespace llvm {
namespace yaml {

using flowshape::Role;

void ScalarEnumerationTraits<Role>::enumeration(IO &io, Role &role) {
  for (Role r : {Role::DirectRequest, Role::Publish, Role::BrokerRequest, Role::Receive, Role::Wait, Role::AckWait,
                 Role::ReplyMarker, Role::Subscribe, Role::Complete, Role::CallbackSetup, Role::Control, Role::Fact})
    io.enumCase(role, flowshape::roleName(r), r);
}

void MappingTraits<flowshape::ArgCondition>::mapping(IO &io, flowshape::ArgCondition &c) {
  io.mapRequired("arg", c.arg);
  io.mapRequired("matches", c.matches);
}

std::string MappingTraits<flowshape::ArgCondition>::validate(IO &, flowshape::ArgCondition &c) {
  if (c.arg < -1)
    return "'arg' must be an argument index, or -1 for any argument";
  return flowshape::checkRegex(c.matches);
}

void MappingTraits<flowshape::FactCase>::mapping(IO &io, flowshape::FactCase &c) {
  io.mapRequired("matches", c.matches);
  io.mapRequired("role", c.role);
}

std::string MappingTraits<flowshape::FactCase>::validate(IO &, flowshape::FactCase &c) {
  return flowshape::checkRegex(c.matches);
}

void MappingTraits<flowshape::ApiEntry>::mapping(IO &io, flowshape::ApiEntry &e) {
  if (auto *ctx = static_cast<flowshape::YamlContext *>(io.getContext())) {
    e.line = ctx->lineOf(io);
    e.file = ctx->file;
  }
  io.mapOptional("name", e.name);
  io.mapOptional("name_regex", e.nameRegex);
  io.mapOptional("return_type", e.returnType);
  io.mapOptional("param_type", e.paramType);
  io.mapOptional("params", e.params);
  io.mapOptional("kind", e.kind, std::string("call"));
  io.mapOptional("arity", e.arity, -1);
  io.mapRequired("role", e.role);
  io.mapOptional("when", e.when);
  io.mapOptional("unless", e.unless);
  io.mapOptional("object_arg", e.objectArg, -1);
  io.mapOptional("destination_arg", e.destinationArg, -1);
  io.mapOptional("destination_after", e.destinationAfter);
  io.mapOptional("timeout_arg", e.timeoutArg, -1);
  io.mapOptional("timeout_after", e.timeoutAfter);
  io.mapOptional("command_arg", e.commandArg, -1);
  io.mapOptional("destination_word", e.destinationWord);
  io.mapOptional("timeout_word", e.timeoutWord);
  io.mapOptional("value_word", e.valueWord);
  io.mapOptional("infinite", e.infinite);
  io.mapOptional("timeout", e.timeout);
  io.mapOptional("timeout_fact", e.timeoutFact);
  io.mapOptional("callback_arg", e.callbackArg, -1);
  io.mapOptional("callback_kind", e.callbackKind, std::string("consumer"));
  io.mapOptional("wait_kind", e.waitKind);
  io.mapOptional("marker", e.marker);
  io.mapOptional("marker_arg_regex", e.markerArgRegex);
  io.mapOptional("fact", e.fact);
  io.mapOptional("value_arg", e.valueArg, -1);
  io.mapOptional("value", e.factValue);
  io.mapOptional("fact_on", e.factOn, std::string("object"));
  io.mapOptional("by_fact", e.byFact);
  io.mapOptional("cases", e.cases);
  io.mapOptional("answers_when", e.answersWhen);
  io.mapOptional("items_arg", e.itemsArg, -1);
  io.mapOptional("read_event", e.readEvent);
  io.mapOptional("returns_ack", e.returnsAck, false);
}

std::string MappingTraits<flowshape::ApiEntry>::validate(IO &, flowshape::ApiEntry &e) {
  if (e.name.empty() == e.nameRegex.empty())
    return "an entry needs exactly one of 'name' or 'name_regex'";
  if (e.kind != "call" && e.kind != "field" && e.kind != "override")
    return "'kind' must be call, field or override, not '" + e.kind + "'";
  if (!e.nameRegex.empty() && e.kind != "call")
    return "'name_regex' is only supported for kind 'call'";
  for (const std::string *re : {&e.nameRegex, &e.returnType, &e.paramType, &e.params, &e.markerArgRegex})
    if (!re->empty())
      if (auto error = flowshape::checkRegex(*re); !error.empty())
        return error;
  for (const std::string *re : {&e.destinationAfter, &e.timeoutAfter})
    if (!re->empty())
      if (auto error = flowshape::checkRegex(*re); !error.empty())
        return error;
  if (e.commandArg < 0 && (e.destinationWord || e.timeoutWord || e.valueWord))
    return "'destination_word', 'timeout_word' and 'value_word' need 'command_arg'";
  if (e.commandArg < -1)
    return "'command_arg' must be an argument index";
  int timeoutWays = (e.timeoutArg >= 0) + !e.timeout.empty() + !e.timeoutAfter.empty() + e.timeoutWord.has_value() +
                    !e.timeoutFact.empty();
  if (timeoutWays > 1)
    return "give the timeout one way: 'timeout', 'timeout_arg', 'timeout_after', 'timeout_word' or 'timeout_fact'";
  if (!e.timeout.empty() && e.timeout != "bounded" && e.timeout != "unbounded" && e.timeout != "awaited")
    return "'timeout' must be bounded, unbounded or awaited, not '" + e.timeout + "'";
  if (e.timeout == "awaited" && e.role != Role::BrokerRequest)
    return "'timeout: awaited' is for broker requests, whose reply is the value they return";
  if (e.callbackKind != "consumer" && e.callbackKind != "ack" && e.callbackKind != "continuation")
    return "'callback_kind' must be consumer, ack or continuation, not '" + e.callbackKind + "'";
  if (e.factOn != "object" && e.factOn != "result")
    return "'fact_on' must be object or result, not '" + e.factOn + "'";
  if (e.role == Role::Fact && (e.fact.empty() || (e.valueArg < 0 && !e.valueWord && e.factValue.empty())))
    return "a 'fact' entry needs 'fact' and 'value_arg' (or 'value_word', or a fixed 'value')";
  if (e.role == Role::CallbackSetup && e.kind == "call" && e.callbackArg < 0)
    return "a 'callback-setup' entry needs 'callback_arg'";
  if (!e.byFact.empty() && e.cases.empty())
    return "'by_fact' needs 'cases'";
  if (!e.answersWhen.empty() && e.byFact.empty())
    return "'answers_when' needs 'by_fact'";
  if ((e.itemsArg >= 0) != !e.readEvent.empty())
    return "'items_arg' and 'read_event' go together";
  for (const std::string *re : {&e.answersWhen, &e.readEvent})
    if (!re->empty())
      if (auto error = flowshape::checkRegex(*re); !error.empty())
        return error;
  if (e.kind == "field" && e.role != Role::ReplyMarker && e.role != Role::CallbackSetup)
    return "a 'field' entry can only be a reply-marker or a callback-setup";
  if (e.kind == "field" && e.role == Role::CallbackSetup && e.callbackKind == "continuation")
    return "a 'field' callback-setup entry can be a consumer or ack callback, not a continuation";
  return {};
}

} // namespace yaml
} // namespace llvm
