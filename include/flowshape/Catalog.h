// API catalogs: what flowshape knows about broker, RPC and waiting APIs.
// Each rules/catalog/<library>.yaml file describes one client library; the
// user's .flowshape.yaml can add entries of the same schema for wrappers
// whose bodies are not visible. The schema is documented in docs/catalog.md.
#pragma once

#include "flowshape/Summary.h"

#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace flowshape {

// A condition on one argument of a call: the entry applies only when the
// argument's text (literal, constant, enumerator or macro name, integer
// value) matches the regular expression. arg -1 means "any argument".
struct ArgCondition {
  int arg = 0;
  std::string matches;
};

// The role of a call decided by a fact on its object, e.g. a ZeroMQ send is a
// broker-request on a REQ socket and a publish on a PUB socket.
struct FactCase {
  std::string matches; // regex on the fact value
  Role role = Role::Publish;
};

struct ApiEntry {
  std::string library; // catalog library name
  std::string file;    // catalog file it comes from, for messages
  unsigned line = 0;   // line of the entry in that file

  std::string name;          // ns::Class::method, C function, Class::Class, Struct::field
  std::string nameRegex;     // alternatively, a regex on the qualified name
  std::string returnType;    // regex on the return type (with name_regex)
  std::string paramType;     // regex that some parameter type must match
  std::string params;        // regex on all parameter types, joined by ", " (picks overloads)
  std::string kind = "call"; // call | field | override
  int arity = -1;            // applies only to the overload with this many parameters
  Role role = Role::Control;

  std::optional<ArgCondition> when;
  std::optional<ArgCondition> unless; // the entry does not apply when this matches
  int objectArg = -1;           // free functions: the argument that is the handle
  int destinationArg = -1;      // the argument that names the destination
  std::string destinationAfter; // varargs: the destination follows the argument matching this
  int timeoutArg = -1;
  std::string timeoutAfter;     // varargs or command words: the timeout follows the one matching this
  // The command of a command API (redisCommand's format string, an argv
  // array): destination, timeout and fact value may be words of it (0: the
  // command name, negative: from the end).
  int commandArg = -1;
  std::optional<int> destinationWord;
  std::optional<int> timeoutWord;
  std::optional<int> valueWord;
  std::vector<std::string> infinite; // timeout values meaning "forever"
  std::string timeout;               // fixed: "bounded" | "unbounded"
  std::string timeoutFact;           // the object's fact that carries the timeout
  int callbackArg = -1;              // subscribe / callback setup: the callback argument
  std::string callbackKind = "consumer"; // consumer | ack | continuation
  std::string waitKind;
  std::string marker;         // reply-marker kind
  std::string markerArgRegex; // a string argument matching this adds a reply marker
  std::string fact;           // fact name for Role::Fact
  int valueArg = -1;          // argument holding the fact value
  std::string factValue;      // or the value itself, when the call says it (nng_req0_open: req)
  std::string factOn = "object"; // object | result
  std::string byFact;            // fact on the object that decides the role
  std::vector<FactCase> cases;
  // A value of the deciding fact for which a send answers a request the
  // socket received (ZeroMQ REP, ROUTER): no reply to it is awaited.
  std::string answersWhen;
  // Polls: the argument holding the poll items, and the event flag that
  // waits for a message. Items that ask only for other events (ZMQ_POLLOUT,
  // writability) make the poll no receive.
  int itemsArg = -1;
  std::string readEvent;
  bool returnsAck = false;
};

struct CatalogError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Catalog {
public:
  // Parses one YAML catalog. Throws CatalogError("file:line:col: message").
  void load(const std::string &fileName, const std::string &content);
  // Adds entries parsed elsewhere (the user's config).
  void add(std::shared_ptr<ApiEntry> entry);
  // Every catalog embedded in the binary.
  static const Catalog &builtin();

  // Call entries for a callee known under any of `names` (qualified name,
  // names of the methods it overrides, the object's class + method name).
  std::vector<const ApiEntry *> lookupCall(const std::vector<std::string> &names, const std::string &returnType,
                                           const std::vector<std::string> &paramTypes) const;
  std::vector<const ApiEntry *> lookupField(const std::string &name) const;
  std::vector<const ApiEntry *> lookupOverride(const std::string &name) const;
  const ApiEntry *byName(const std::string &name) const; // first call entry of that name

  const std::vector<std::shared_ptr<ApiEntry>> &entries() const { return entries_; }
  // Libraries in load order with their one-line description.
  const std::vector<std::pair<std::string, std::string>> &libraries() const { return libraries_; }
  // Stable digest of everything loaded, for cache keys.
  std::string digest() const;

private:
  std::vector<std::shared_ptr<ApiEntry>> entries_;
  std::map<std::string, std::vector<const ApiEntry *>> calls_, fields_, overrides_;
  std::vector<const ApiEntry *> regexCalls_;
  std::vector<std::pair<std::string, std::string>> libraries_;
  std::string sources_; // everything loaded, for digest()
};

} // namespace flowshape
