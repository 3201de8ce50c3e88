// The seam between extraction and everything after it: what one translation
// unit says about each of its functions, in a form that can be written to
// disk, cached, merged across translation units and read back without Clang.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace flowshape {

// Roles of the SPEC, plus internal ones that feed the analysis but are never
// reported as interactions of a flow.
enum class Role {
  DirectRequest,
  Publish,
  BrokerRequest,
  Receive,
  Wait,
  AckWait,
  ReplyMarker,
  Subscribe,
  // internal
  Complete,        // completes a future / notifies a condition (set_value, notify_one)
  CallbackSetup,   // registers a callback without consuming (onReceived(cb), set_callback)
  Control,         // a broker operation without messaging meaning (connect, declare)
  Fact,            // records a property of an object (socket type, receive timeout)
  // (the last: readers of stored summaries check the range against it)
};

const char *roleName(Role role);
std::optional<Role> parseRole(const std::string &name);
// Roles that make a function a flow and appear in its interaction list.
bool isReportedRole(Role role);

struct Location {
  std::string file; // absolute path while analysing; reporters relativise
  unsigned line = 0;
  unsigned column = 0;
  unsigned endLine = 0;
  unsigned endColumn = 0;

  bool valid() const { return line != 0; }
  bool operator<(const Location &o) const;
  bool operator==(const Location &o) const;
};

enum class Timeout {
  NotApplicable, // the API does not block
  Bounded,       // a finite timeout is given
  Unbounded,     // waits forever (-1, no timeout parameter, no deadline)
  Unknown,       // a timeout exists but its value is not a constant
  FromFact,      // decided by a fact on the object (ZeroMQ receive timeout)
  Awaited,       // a request whose reply is what it returns: the wait on that value decides (ROS 2 futures)
  // (the last: readers of stored summaries check the range against it)
};
const char *timeoutName(Timeout t);

// What a call site passes as one argument, as far as extraction can tell.
struct ArgumentValue {
  std::string literal; // string literal or constant value, if known
  std::string key;     // object key of the expression otherwise
};

enum class EventKind {
  Interaction, // a catalog API call (or reply-marker field assignment)
  Call,        // a call to a function that may be project code
  // A silent node of the event graph: a join point of the CFG kept where
  // condensing to the events alone would need an edge per pair of events
  // (hundreds of sequential branches). It does nothing; paths pass it.
  Junction,
  // (the last: readers of stored summaries check the range against it)
};

// One point of interest in a function body, in control-flow order.
struct Event {
  EventKind kind = EventKind::Interaction;
  Location loc;
  std::string text; // normalised source text of the call, for fingerprints and notes

  // Interaction
  Role role = Role::Control;
  std::string api;     // catalog name, e.g. "RdKafka::Producer::produce"
  std::string library; // catalog library, e.g. "librdkafka"
  std::string destination;    // literal destination (topic, queue, subject) if known
  std::string destinationKey; // object key of the destination expression otherwise
  std::string object;         // key of the handle: producer, socket, future, cv
  std::string result;         // key of the value the call returns
  Timeout timeout = Timeout::NotApplicable;
  std::string timeoutFact;    // Timeout::FromFact: the object's fact that holds it
  // Role decided by a fact on the object (ZeroMQ socket type): the fact's
  // name and (regex on its value, role) cases; `role` is the default.
  std::string decidingFact;
  std::vector<std::pair<std::string, Role>> factRoles;
  std::string answersWhen;    // deciding-fact values for which the send answers a request (REP, ROUTER)
  std::string waitKind;       // sleep, future, condition, latch, semaphore, poll, token
  // Inside `if (items[i].revents & ZMQ_POLLIN)`: that if's position. A poll
  // already waited, so a receive there finds its message ready, unless the
  // flow sent something in the same branch first.
  std::string readyGuard;
  std::string marker;         // for reply markers: reply-to, correlation-id, reply-queue
  std::string fact;           // for Role::Fact: fact name (socket-type, receive-timeout)
  std::string factValue;
  bool returnsAck = false;    // the result is the broker's acknowledgement of this call
  bool correlationLoop = false; // a receive in a loop that compares correlation ids

  // Call
  std::string callee;     // USR
  std::string calleeName; // qualified name, for messages
  bool isVirtual = false;
  std::vector<ArgumentValue> args;

  // Context inside the function: ids into FunctionSummary::loops, outermost first.
  std::vector<uint32_t> loops;
};

struct Loop {
  Location loc;
  bool unbounded = false; // no condition, or a constant-true one, and no deadline check
  bool exits = false;     // a break, return or condition change can end it from inside
  bool deadline = false;  // a deadline, clock or attempt count is compared in it
  bool whileCallSucceeds = false; // the condition is one call: while (ch->BasicConsumeMessage(tag, env, 4000))
  bool lifecycle = false;         // the condition reads a run/stop/shutdown flag: while (running_)
  std::vector<std::string> conditionKeys; // what the condition polls: objects it calls, globals and fields it reads
};

struct Edge {
  uint32_t to = 0;
  std::vector<uint32_t> loops; // ids into FunctionSummary::loops, sorted
  bool operator==(const Edge &o) const { return to == o.to && loops == o.loops; }
};

struct OverriddenMethod {
  std::string usr;
  std::string name;
};

// A function with a body in the project, condensed to its events and the
// order in which they can happen.
struct FunctionSummary {
  std::string usr;
  std::string name; // qualified, e.g. "Checkout::placeOrder"
  Location loc;     // of the name
  bool isLambda = false;
  // Extracted from a translation unit with errors (its main file): Clang
  // recovered, so what parsed is analysed, and marked as partial.
  std::string partialUnit;
  bool bodyErrors = false; // the body itself has errors: analysed as far as its CFG goes
  std::vector<OverriddenMethod> overrides; // transitively
  // For a method: its class's USR, then every base class's, transitively.
  // A virtual call on `this` can only reach overriders of what `this` may
  // be: the caller's class, its bases and the classes derived from it.
  std::vector<std::string> classes;
  std::vector<std::string> params;         // parameter keys, in order
  std::vector<std::string> returnKeys;     // keys of what return statements return
  // Objects made one by assignment: pending_[id] = std::move(promise).
  std::vector<std::pair<std::string, std::string>> aliases;

  std::vector<Event> events;
  std::vector<Loop> loops;
  // Event graph condensed from the CFG: next[i] lists the events that can
  // directly follow event i, each with the loops whose back edge that path
  // takes (the next iteration of those loops). Junction events, if any,
  // come after all others; a path through one takes the loops of both of
  // its edges.
  std::vector<std::vector<Edge>> next;
  std::vector<uint32_t> entry; // events that can come first
  std::vector<bool> exits;     // event i can be the last one
  bool emptyPath = true;       // the function can return without any event
};

// A property of an object or function known anywhere in the program, such
// as the type of a socket, or that a function is registered as a consumer.
struct Fact {
  std::string key;
  std::string name; // socket-type, receive-timeout, destination, consumes, consumer-callback, ack-callback
  std::string value;    // literal, constant or enumerator name
  std::string valueKey; // object key of the value expression (an inbox variable)
  Location loc;
};

struct TranslationUnitSummary {
  std::string mainFile;
  std::vector<FunctionSummary> functions;
  std::vector<Fact> facts;
  std::vector<std::string> includes; // project files this TU read, for the cache
};

} // namespace flowshape
