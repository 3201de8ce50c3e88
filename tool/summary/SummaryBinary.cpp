#include "summary/SummaryBinary.h"
#include "summary/SummaryJson.h"

#include "llvm/ADT/StringMap.h"

namespace flowshape {

namespace {

// The last value of each enumeration, for range checks when reading.
constexpr uint64_t kLastRole = static_cast<uint64_t>(Role::Fact);
constexpr uint64_t kLastTimeout = static_cast<uint64_t>(Timeout::Awaited);
constexpr uint64_t kLastEventKind = static_cast<uint64_t>(EventKind::Junction);
// The fewest bytes an element can take (empty strings and vectors, small
// numbers), to bound counts by what is left.
constexpr size_t kEventBytes = 31;
constexpr size_t kLoopBytes = 11;
constexpr size_t kFactBytes = 9;

class Writer {
public:
  void number(uint64_t n) {
    do {
      unsigned char byte = n & 0x7f;
      n >>= 7;
      body_.push_back(static_cast<char>(byte | (n ? 0x80 : 0)));
    } while (n);
  }
  void flag(bool b) { body_.push_back(b ? 1 : 0); }
  void string(const std::string &s) {
    number(s.size());
    body_ += s;
  }
  void strings(const std::vector<std::string> &list) {
    number(list.size());
    for (const std::string &s : list)
      string(s);
  }
  void indices(const std::vector<uint32_t> &list) {
    number(list.size());
    for (uint32_t i : list)
      number(i);
  }
  void location(const Location &loc) {
    auto [it, inserted] = fileIndex_.try_emplace(loc.file, files_.size());
    if (inserted)
      files_.push_back(loc.file);
    number(it->second);
    number(loc.line);
    number(loc.column);
    number(loc.endLine);
    number(loc.endColumn);
  }

  void event(const Event &e) {
    number(static_cast<uint64_t>(e.kind));
    location(e.loc);
    string(e.text);
    number(static_cast<uint64_t>(e.role));
    string(e.api);
    string(e.library);
    string(e.destination);
    string(e.destinationKey);
    string(e.object);
    string(e.result);
    number(static_cast<uint64_t>(e.timeout));
    string(e.timeoutFact);
    string(e.decidingFact);
    number(e.factRoles.size());
    for (const auto &[pattern, role] : e.factRoles) {
      string(pattern);
      number(static_cast<uint64_t>(role));
    }
    string(e.answersWhen);
    string(e.waitKind);
    string(e.readyGuard);
    string(e.marker);
    string(e.fact);
    string(e.factValue);
    flag(e.returnsAck);
    flag(e.correlationLoop);
    string(e.callee);
    string(e.calleeName);
    flag(e.isVirtual);
    number(e.args.size());
    for (const ArgumentValue &a : e.args) {
      string(a.literal);
      string(a.key);
    }
    indices(e.loops);
  }

  void function(const FunctionSummary &fn) {
    string(fn.usr);
    string(fn.name);
    location(fn.loc);
    flag(fn.isLambda);
    string(fn.partialUnit);
    flag(fn.bodyErrors);
    number(fn.overrides.size());
    for (const OverriddenMethod &m : fn.overrides) {
      string(m.usr);
      string(m.name);
    }
    strings(fn.classes);
    strings(fn.params);
    strings(fn.returnKeys);
    number(fn.aliases.size());
    for (const auto &[a, b] : fn.aliases) {
      string(a);
      string(b);
    }
    number(fn.loops.size());
    for (const Loop &l : fn.loops) {
      location(l.loc);
      flag(l.unbounded);
      flag(l.exits);
      flag(l.deadline);
      flag(l.whileCallSucceeds);
      flag(l.lifecycle);
      strings(l.conditionKeys);
    }
    number(fn.events.size());
    for (const Event &e : fn.events)
      event(e);
    for (const auto &edges : fn.next) { // one list per event
      number(edges.size());
      for (const Edge &edge : edges) {
        number(edge.to);
        indices(edge.loops);
      }
    }
    indices(fn.entry);
    for (bool exit : fn.exits) // one per event
      flag(exit);
    flag(fn.emptyPath);
  }

  void fact(const Fact &f) {
    string(f.key);
    string(f.name);
    string(f.value);
    string(f.valueKey);
    location(f.loc);
  }

  // The format version and the file table, then what was written.
  std::string finish() {
    std::string body = std::move(body_);
    body_.clear();
    number(kSummaryFormatVersion);
    strings(files_);
    return body_ + body;
  }

private:
  std::string body_;
  llvm::StringMap<size_t> fileIndex_;
  std::vector<std::string> files_;
};

[[noreturn]] void fail(const std::string &what) { throw SummaryFormatError("malformed binary summary: " + what); }

class Reader {
public:
  explicit Reader(llvm::StringRef bytes) : at_(bytes.data()), end_(bytes.data() + bytes.size()) {
    if (number() != static_cast<uint64_t>(kSummaryFormatVersion))
      throw SummaryFormatError("binary summary of another format than the supported " +
                               std::to_string(kSummaryFormatVersion));
    files_ = strings();
  }

  uint64_t number() {
    uint64_t n = 0;
    for (unsigned shift = 0;; shift += 7) {
      if (at_ == end_ || shift > 63)
        fail("truncated or overlong number");
      unsigned char byte = static_cast<unsigned char>(*at_++);
      n |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80))
        return n;
    }
  }
  uint64_t number(uint64_t last, const char *what) {
    uint64_t n = number();
    if (n > last)
      fail(std::string(what) + " out of range");
    return n;
  }
  unsigned u32() { return static_cast<unsigned>(number(UINT32_MAX, "number")); }
  bool flag() { return number(1, "flag") != 0; }
  // A count of elements that take at least `minBytes` each: never more
  // than the bytes left allow, so a damaged count cannot ask for a huge
  // allocation.
  size_t count(size_t minBytes = 1) {
    uint64_t n = number(); // the bytes left are those after the count itself
    if (n > static_cast<uint64_t>(end_ - at_) / minBytes)
      fail("count out of range");
    return static_cast<size_t>(n);
  }
  std::string string() {
    size_t size = count();
    std::string s(at_, size);
    at_ += size;
    return s;
  }
  std::vector<std::string> strings() {
    std::vector<std::string> out(count());
    for (std::string &s : out)
      s = string();
    return out;
  }
  std::vector<uint32_t> indices(size_t bound) {
    std::vector<uint32_t> out(count());
    for (uint32_t &i : out) {
      uint64_t n = number();
      if (n >= bound)
        fail("index out of range");
      i = static_cast<uint32_t>(n);
    }
    return out;
  }
  Location location() {
    uint64_t file = number();
    if (file >= files_.size())
      fail("location refers to an unknown file");
    Location loc;
    loc.file = files_[file];
    loc.line = u32();
    loc.column = u32();
    loc.endLine = u32();
    loc.endColumn = u32();
    return loc;
  }

  void event(Event &e, size_t loopCount) {
    e.kind = static_cast<EventKind>(number(kLastEventKind, "event kind"));
    e.loc = location();
    e.text = string();
    e.role = static_cast<Role>(number(kLastRole, "role"));
    e.api = string();
    e.library = string();
    e.destination = string();
    e.destinationKey = string();
    e.object = string();
    e.result = string();
    e.timeout = static_cast<Timeout>(number(kLastTimeout, "timeout"));
    e.timeoutFact = string();
    e.decidingFact = string();
    e.factRoles.resize(count(2));
    for (auto &[pattern, role] : e.factRoles) {
      pattern = string();
      role = static_cast<Role>(number(kLastRole, "role"));
    }
    e.answersWhen = string();
    e.waitKind = string();
    e.readyGuard = string();
    e.marker = string();
    e.fact = string();
    e.factValue = string();
    e.returnsAck = flag();
    e.correlationLoop = flag();
    e.callee = string();
    e.calleeName = string();
    e.isVirtual = flag();
    e.args.resize(count(2));
    for (ArgumentValue &a : e.args) {
      a.literal = string();
      a.key = string();
    }
    e.loops = indices(loopCount);
  }

  FunctionSummary function() {
    FunctionSummary fn;
    fn.usr = string();
    fn.name = string();
    fn.loc = location();
    fn.isLambda = flag();
    fn.partialUnit = string();
    fn.bodyErrors = flag();
    fn.overrides.resize(count(2));
    for (OverriddenMethod &m : fn.overrides) {
      m.usr = string();
      m.name = string();
    }
    fn.classes = strings();
    fn.params = strings();
    fn.returnKeys = strings();
    fn.aliases.resize(count(2));
    for (auto &[a, b] : fn.aliases) {
      a = string();
      b = string();
    }
    fn.loops.resize(count(kLoopBytes));
    for (Loop &l : fn.loops) {
      l.loc = location();
      l.unbounded = flag();
      l.exits = flag();
      l.deadline = flag();
      l.whileCallSucceeds = flag();
      l.lifecycle = flag();
      l.conditionKeys = strings();
    }
    size_t n = count(kEventBytes);
    fn.events.resize(n);
    for (Event &e : fn.events)
      event(e, fn.loops.size());
    fn.next.resize(n);
    for (std::vector<Edge> &edges : fn.next) {
      edges.resize(count(2));
      for (Edge &edge : edges) {
        uint64_t to = number();
        if (to >= n)
          fail("edge to an unknown event");
        edge.to = static_cast<uint32_t>(to);
        edge.loops = indices(fn.loops.size());
      }
    }
    fn.entry = indices(n);
    fn.exits.resize(n);
    for (size_t i = 0; i < n; ++i)
      fn.exits[i] = flag();
    fn.emptyPath = flag();
    return fn;
  }

  Fact fact() {
    Fact f;
    f.key = string();
    f.name = string();
    f.value = string();
    f.valueKey = string();
    f.loc = location();
    return f;
  }

  void expectEnd() const {
    if (at_ != end_)
      fail("bytes after the end");
  }

private:
  const char *at_;
  const char *end_;
  std::vector<std::string> files_;
};

} // namespace

std::string functionToBinary(const FunctionSummary &fn) {
  Writer w;
  w.function(fn);
  return w.finish();
}

FunctionSummary functionFromBinary(llvm::StringRef bytes) {
  Reader r(bytes);
  FunctionSummary fn = r.function();
  r.expectEnd();
  return fn;
}

std::string unitIndexToBinary(const TranslationUnitSummary &unit, const std::vector<std::string> &functionKeys) {
  Writer w;
  w.string(unit.mainFile);
  w.strings(unit.includes);
  w.strings(functionKeys);
  w.number(unit.facts.size());
  for (const Fact &f : unit.facts)
    w.fact(f);
  return w.finish();
}

TranslationUnitSummary unitIndexFromBinary(llvm::StringRef bytes, std::vector<std::string> &functionKeys) {
  Reader r(bytes);
  TranslationUnitSummary unit;
  unit.mainFile = r.string();
  unit.includes = r.strings();
  functionKeys = r.strings();
  unit.facts.resize(r.count(kFactBytes));
  for (Fact &f : unit.facts)
    f = r.fact();
  r.expectEnd();
  return unit;
}

} // namespace flowshape
