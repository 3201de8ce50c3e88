// JSON form of a translation unit summary. File paths are written once, in
// a table, and locations refer to it by index; fields holding their default
// value are left out. Reading checks every type and index: a corrupt file is
// an error, never a crash or a half-read summary.
#include "summary/SummaryJson.h"
#include "support/JsonText.h"

#include <nlohmann/json.hpp>

#include <map>

namespace flowshape {

using nlohmann::json;

namespace {

class Writer {
public:
  json location(const Location &loc) {
    auto [it, inserted] = index_.try_emplace(loc.file, files_.size());
    if (inserted)
      files_.push_back(loc.file);
    return json::array({it->second, loc.line, loc.column, loc.endLine, loc.endColumn});
  }
  const std::vector<std::string> &files() const { return files_; }

private:
  std::map<std::string, size_t> index_;
  std::vector<std::string> files_;
};

void putString(json &out, const char *key, const std::string &value) {
  if (!value.empty())
    out[key] = value;
}

void putBool(json &out, const char *key, bool value) {
  if (value)
    out[key] = true;
}

json eventJson(Writer &w, const Event &e) {
  // Every field whatever the kind: the reader must give back exactly what
  // extraction produced.
  json out = json::object();
  out["k"] = e.kind == EventKind::Call ? "call" : e.kind == EventKind::Junction ? "junction" : "interaction";
  out["loc"] = w.location(e.loc);
  putString(out, "text", e.text);
  if (e.role != Role::Control)
    out["role"] = roleName(e.role);
  putString(out, "api", e.api);
  putString(out, "library", e.library);
  putString(out, "destination", e.destination);
  putString(out, "destinationKey", e.destinationKey);
  putString(out, "object", e.object);
  putString(out, "result", e.result);
  if (e.timeout != Timeout::NotApplicable)
    out["timeout"] = static_cast<int>(e.timeout);
  putString(out, "timeoutFact", e.timeoutFact);
  putString(out, "decidingFact", e.decidingFact);
  if (!e.factRoles.empty()) {
    json cases = json::array();
    for (const auto &[pattern, role] : e.factRoles)
      cases.push_back(json::array({pattern, roleName(role)}));
    out["factRoles"] = std::move(cases);
  }
  putString(out, "answersWhen", e.answersWhen);
  putString(out, "waitKind", e.waitKind);
  putString(out, "readyGuard", e.readyGuard);
  putString(out, "marker", e.marker);
  putString(out, "fact", e.fact);
  putString(out, "factValue", e.factValue);
  putBool(out, "returnsAck", e.returnsAck);
  putBool(out, "correlationLoop", e.correlationLoop);
  putString(out, "callee", e.callee);
  putString(out, "calleeName", e.calleeName);
  putBool(out, "virtual", e.isVirtual);
  if (!e.args.empty()) {
    json args = json::array();
    for (const ArgumentValue &a : e.args)
      args.push_back(json::array({a.literal, a.key}));
    out["args"] = std::move(args);
  }
  if (!e.loops.empty())
    out["loops"] = e.loops;
  return out;
}

json functionJson(Writer &w, const FunctionSummary &fn) {
  json out = json::object();
  out["usr"] = fn.usr;
  out["name"] = fn.name;
  out["loc"] = w.location(fn.loc);
  putBool(out, "lambda", fn.isLambda);
  putString(out, "partialUnit", fn.partialUnit);
  putBool(out, "bodyErrors", fn.bodyErrors);
  if (!fn.overrides.empty()) {
    json overrides = json::array();
    for (const OverriddenMethod &m : fn.overrides)
      overrides.push_back(json::array({m.usr, m.name}));
    out["overrides"] = std::move(overrides);
  }
  if (!fn.classes.empty())
    out["classes"] = fn.classes;
  if (!fn.params.empty())
    out["params"] = fn.params;
  if (!fn.returnKeys.empty())
    out["returnKeys"] = fn.returnKeys;
  if (!fn.aliases.empty()) {
    json aliases = json::array();
    for (const auto &[a, b] : fn.aliases)
      aliases.push_back(json::array({a, b}));
    out["aliases"] = std::move(aliases);
  }
  json events = json::array();
  for (const Event &e : fn.events)
    events.push_back(eventJson(w, e));
  out["events"] = std::move(events);
  if (!fn.loops.empty()) {
    json loops = json::array();
    for (const Loop &l : fn.loops)
      loops.push_back(
          json::array({w.location(l.loc), l.unbounded, l.exits, l.deadline, l.whileCallSucceeds, l.lifecycle,
                       l.conditionKeys}));
    out["loops"] = std::move(loops);
  }
  json next = json::array();
  for (const auto &edges : fn.next) {
    json list = json::array();
    for (const Edge &edge : edges)
      list.push_back(json::array({edge.to, edge.loops}));
    next.push_back(std::move(list));
  }
  out["next"] = std::move(next);
  out["entry"] = fn.entry;
  json exits = json::array();
  for (bool exit : fn.exits)
    exits.push_back(exit ? 1 : 0);
  out["exits"] = std::move(exits);
  out["emptyPath"] = fn.emptyPath;
  return out;
}

// Reading: every accessor checks the type it expects.
[[noreturn]] void fail(const std::string &what) { throw SummaryFormatError("malformed summary: " + what); }

const json &member(const json &object, const char *key) {
  if (!object.is_object())
    fail(std::string("expected an object holding '") + key + "'");
  auto it = object.find(key);
  if (it == object.end())
    fail(std::string("missing '") + key + "'");
  return *it;
}

std::string string(const json &value, const char *what) {
  if (!value.is_string())
    fail(std::string("'") + what + "' is not a string");
  return value.get<std::string>();
}

std::string optionalString(const json &object, const char *key) {
  auto it = object.find(key);
  return it == object.end() ? std::string() : string(*it, key);
}

bool optionalBool(const json &object, const char *key) {
  auto it = object.find(key);
  if (it == object.end())
    return false;
  if (!it->is_boolean())
    fail(std::string("'") + key + "' is not a boolean");
  return it->get<bool>();
}

uint64_t number(const json &value, const char *what) {
  if (!value.is_number_unsigned())
    fail(std::string("'") + what + "' is not a non-negative integer");
  return value.get<uint64_t>();
}

const json &array(const json &value, const char *what, size_t size = SIZE_MAX) {
  if (!value.is_array() || (size != SIZE_MAX && value.size() != size))
    fail(std::string("'") + what + "' is not an array of the expected size");
  return value;
}

std::vector<std::string> strings(const json &object, const char *key) {
  std::vector<std::string> out;
  auto it = object.find(key);
  if (it != object.end())
    for (const json &s : array(*it, key))
      out.push_back(string(s, key));
  return out;
}

std::vector<uint32_t> indices(const json &value, const char *what, size_t bound) {
  std::vector<uint32_t> out;
  for (const json &n : array(value, what)) {
    uint64_t i = number(n, what);
    if (i >= bound)
      fail(std::string("'") + what + "' index out of range");
    out.push_back(static_cast<uint32_t>(i));
  }
  return out;
}

Role role(const json &value) {
  std::optional<Role> r = parseRole(string(value, "role"));
  if (!r)
    fail("unknown role '" + value.get<std::string>() + "'");
  return *r;
}

class Reader {
public:
  explicit Reader(std::vector<std::string> files) : files_(std::move(files)) {}

  Location location(const json &value) const {
    const json &a = array(value, "loc", 5);
    uint64_t file = number(a[0], "loc");
    if (file >= files_.size())
      fail("location refers to an unknown file");
    Location loc;
    loc.file = files_[file];
    loc.line = static_cast<unsigned>(number(a[1], "loc"));
    loc.column = static_cast<unsigned>(number(a[2], "loc"));
    loc.endLine = static_cast<unsigned>(number(a[3], "loc"));
    loc.endColumn = static_cast<unsigned>(number(a[4], "loc"));
    return loc;
  }

  Event event(const json &in, size_t loopCount) const {
    Event e;
    std::string kind = string(member(in, "k"), "k");
    if (kind != "call" && kind != "interaction" && kind != "junction")
      fail("unknown event kind '" + kind + "'");
    e.kind = kind == "call" ? EventKind::Call : kind == "junction" ? EventKind::Junction : EventKind::Interaction;
    e.loc = location(member(in, "loc"));
    e.text = optionalString(in, "text");
    e.result = optionalString(in, "result");
    if (auto it = in.find("role"); it != in.end())
      e.role = role(*it);
    e.api = optionalString(in, "api");
    e.library = optionalString(in, "library");
    e.destination = optionalString(in, "destination");
    e.destinationKey = optionalString(in, "destinationKey");
    e.object = optionalString(in, "object");
    if (auto it = in.find("timeout"); it != in.end()) {
      uint64_t t = number(*it, "timeout");
      if (t > static_cast<uint64_t>(Timeout::Awaited))
        fail("unknown timeout");
      e.timeout = static_cast<Timeout>(t);
    }
    e.timeoutFact = optionalString(in, "timeoutFact");
    e.decidingFact = optionalString(in, "decidingFact");
    if (auto it = in.find("factRoles"); it != in.end())
      for (const json &c : array(*it, "factRoles"))
        e.factRoles.emplace_back(string(array(c, "factRoles", 2)[0], "factRoles"), role(c[1]));
    e.answersWhen = optionalString(in, "answersWhen");
    e.waitKind = optionalString(in, "waitKind");
    e.readyGuard = optionalString(in, "readyGuard");
    e.marker = optionalString(in, "marker");
    e.fact = optionalString(in, "fact");
    e.factValue = optionalString(in, "factValue");
    e.returnsAck = optionalBool(in, "returnsAck");
    e.correlationLoop = optionalBool(in, "correlationLoop");
    e.callee = optionalString(in, "callee");
    e.calleeName = optionalString(in, "calleeName");
    e.isVirtual = optionalBool(in, "virtual");
    if (auto it = in.find("args"); it != in.end())
      for (const json &a : array(*it, "args")) {
        const json &pair = array(a, "args", 2);
        e.args.push_back({string(pair[0], "args"), string(pair[1], "args")});
      }
    if (auto it = in.find("loops"); it != in.end())
      e.loops = indices(*it, "loops", loopCount);
    return e;
  }

  FunctionSummary function(const json &in) const {
    FunctionSummary fn;
    fn.usr = string(member(in, "usr"), "usr");
    fn.name = string(member(in, "name"), "name");
    fn.loc = location(member(in, "loc"));
    fn.isLambda = optionalBool(in, "lambda");
    fn.partialUnit = optionalString(in, "partialUnit");
    fn.bodyErrors = optionalBool(in, "bodyErrors");
    if (auto it = in.find("overrides"); it != in.end())
      for (const json &m : array(*it, "overrides")) {
        const json &pair = array(m, "overrides", 2);
        fn.overrides.push_back({string(pair[0], "overrides"), string(pair[1], "overrides")});
      }
    fn.classes = strings(in, "classes");
    fn.params = strings(in, "params");
    fn.returnKeys = strings(in, "returnKeys");
    if (auto it = in.find("aliases"); it != in.end())
      for (const json &a : array(*it, "aliases")) {
        const json &pair = array(a, "aliases", 2);
        fn.aliases.emplace_back(string(pair[0], "aliases"), string(pair[1], "aliases"));
      }
    if (auto it = in.find("loops"); it != in.end())
      for (const json &l : array(*it, "loops")) {
        const json &fields = array(l, "loops", 7);
        for (int flag = 1; flag <= 5; ++flag)
          if (!fields[flag].is_boolean())
            fail("'loops' flags are not booleans");
        Loop loop{location(fields[0]),     fields[1].get<bool>(), fields[2].get<bool>(),
                  fields[3].get<bool>(), fields[4].get<bool>(), fields[5].get<bool>(), {}};
        for (const json &key : array(fields[6], "loops"))
          loop.conditionKeys.push_back(string(key, "loops"));
        fn.loops.push_back(std::move(loop));
      }
    const json &events = array(member(in, "events"), "events");
    fn.events.reserve(events.size()); // an Event is large: no moves on growth
    for (const json &e : events)
      fn.events.push_back(event(e, fn.loops.size()));
    size_t n = fn.events.size();
    const json &next = array(member(in, "next"), "next", n);
    fn.next.reserve(n);
    for (const json &edges : next) {
      std::vector<Edge> list;
      for (const json &edge : array(edges, "next")) {
        const json &pair = array(edge, "next", 2);
        uint64_t to = number(pair[0], "next");
        if (to >= n)
          fail("'next' index out of range");
        list.push_back({static_cast<uint32_t>(to), indices(pair[1], "next", fn.loops.size())});
      }
      fn.next.push_back(std::move(list));
    }
    fn.entry = indices(member(in, "entry"), "entry", n);
    for (const json &exit : array(member(in, "exits"), "exits", n))
      fn.exits.push_back(number(exit, "exits") != 0);
    const json &emptyPath = member(in, "emptyPath");
    if (!emptyPath.is_boolean())
      fail("'emptyPath' is not a boolean");
    fn.emptyPath = emptyPath.get<bool>();
    return fn;
  }

  Fact fact(const json &in) const {
    const json &a = array(in, "facts", 5);
    return {string(a[0], "facts"), string(a[1], "facts"), string(a[2], "facts"), string(a[3], "facts"),
            location(a[4])};
  }

private:
  std::vector<std::string> files_;
};

} // namespace

json summaryToJson(const TranslationUnitSummary &unit) {
  Writer w;
  json functions = json::array();
  for (const FunctionSummary &fn : unit.functions)
    functions.push_back(functionJson(w, fn));
  json facts = json::array();
  for (const Fact &f : unit.facts)
    facts.push_back(json::array({f.key, f.name, f.value, f.valueKey, w.location(f.loc)}));
  json out = json::object();
  out["format"] = kSummaryFormatVersion;
  out["mainFile"] = unit.mainFile;
  out["includes"] = unit.includes;
  out["files"] = w.files();
  out["functions"] = std::move(functions);
  out["facts"] = std::move(facts);
  return out;
}

TranslationUnitSummary summaryFromJson(const json &in) {
  const json &format = member(in, "format");
  if (!format.is_number_integer() || format.get<int>() != kSummaryFormatVersion)
    throw SummaryFormatError("summary format " + jsonText(format) + " is not the supported " +
                             std::to_string(kSummaryFormatVersion));
  Reader reader(strings(in, "files"));
  TranslationUnitSummary unit;
  unit.mainFile = string(member(in, "mainFile"), "mainFile");
  unit.includes = strings(in, "includes");
  const json &functions = array(member(in, "functions"), "functions");
  unit.functions.reserve(functions.size());
  for (const json &fn : functions)
    unit.functions.push_back(reader.function(fn));
  const json &facts = array(member(in, "facts"), "facts");
  unit.facts.reserve(facts.size());
  for (const json &fact : facts)
    unit.facts.push_back(reader.fact(fact));
  return unit;
}

} // namespace flowshape
