#include "report/MermaidDiagram.h"

#include <map>
#include <set>

namespace flowshape {

namespace {

// "a::B<c::d>::f" -> {"a", "B<c::d>", "f"}: splits at "::" outside <> and ().
std::vector<std::string> nameParts(const std::string &name) {
  std::vector<std::string> parts(1);
  int depth = 0;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c == '<' || c == '(')
      ++depth;
    else if ((c == '>' || c == ')') && depth > 0)
      --depth;
    if (depth == 0 && name.compare(i, 2, "::") == 0) {
      parts.emplace_back();
      ++i;
      continue;
    }
    parts.back() += c;
  }
  return parts;
}

std::string joinParts(const std::vector<std::string> &parts, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i)
    out += (i == from ? "" : "::") + parts[i];
  return out;
}

// The last `count` components of a qualified name: "ns::Class::method" -> "Class::method".
std::string shortName(const std::string &name, size_t count = 2) {
  std::vector<std::string> parts = nameParts(name);
  return joinParts(parts, parts.size() > count ? parts.size() - count : 0, parts.size());
}

// "ns::Class::method" -> "ns::Class"; empty for an unqualified name.
std::string qualifierOf(const std::string &name) {
  std::vector<std::string> parts = nameParts(name);
  return parts.size() < 2 ? std::string() : joinParts(parts, 0, parts.size() - 1);
}

std::string through(const std::vector<ViaStep> &via) {
  if (via.empty())
    return {};
  std::string out = " through ";
  for (size_t i = 0; i < via.size(); ++i)
    out += (i ? " -> " : "") + shortName(via[i].function);
  return out;
}

// Who answers a direct request: its destination, else the class of the
// wrapper the flow calls (InventoryClient for InventoryClient::check), else
// the client class of the API (httplib::Client).
std::string serviceOf(const FlowInteraction &i) {
  if (!i.destination.empty())
    return i.destination;
  if (!i.via.empty()) {
    std::string wrapperClass = qualifierOf(i.via.front().function);
    return wrapperClass.empty() ? i.via.front().function : shortName(wrapperClass, 1);
  }
  std::string client = qualifierOf(i.api);
  return client.empty() ? i.api : client;
}

bool sameLocation(const Location &a, const Location &b) {
  return a.file == b.file && a.line == b.line && a.column == b.column;
}

class Diagram {
public:
  explicit Diagram(const FlowReport &flow) { participants_.push_back({"F", shortName(flow.function)}); }

  std::string participant(const std::string &label) {
    for (const auto &[id, existing] : participants_)
      if (existing == label && id != "F")
        return id;
    std::string id = "P" + std::to_string(participants_.size());
    participants_.push_back({id, label});
    return id;
  }

  void arrow(const std::string &from, const char *kind, const std::string &to, const std::string &text) {
    lines_.push_back(from + kind + to + ": " + escapeMermaid(text));
  }
  void note(const std::string &text) { lines_.push_back("Note over F: " + escapeMermaid(text)); }

  std::string str() const {
    std::string out = "sequenceDiagram\n";
    for (const auto &[id, label] : participants_)
      out += "    participant " + id + " as " + escapeMermaid(label) + "\n";
    for (const std::string &line : lines_)
      out += "    " + line + "\n";
    return out;
  }

private:
  std::vector<std::pair<std::string, std::string>> participants_;
  std::vector<std::string> lines_;
};

} // namespace

std::string escapeMermaid(const std::string &text) {
  // Mermaid reads "#" and "%%" as comments and ";" as a line end, and its
  // labels are HTML; "#name;" and "#number;" are its entity codes.
  static const std::map<char, const char *> codes = {{'#', "#35;"}, {';', "#59;"}, {'%', "#37;"},
                                                     {'<', "#lt;"}, {'>', "#gt;"}, {'&', "#amp;"},
                                                     {'"', "#quot;"}};
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\r')
      out += ' ';
    else if (auto it = codes.find(c); it != codes.end())
      out += it->second;
    else
      out += c;
  }
  return out;
}

std::string sequenceDiagram(const FlowReport &flow, const std::vector<const Finding *> &findings) {
  auto rulesAt = [&](const Location &loc) {
    std::set<std::string> rules;
    for (const Finding *f : findings)
      if (sameLocation(f->loc, loc))
        rules.insert(f->rule);
    return rules;
  };

  Diagram diagram(flow);
  std::string replyTo;   // a reply marker's destination, for the next publish
  std::string replyFrom; // where the reply comes from: the reply destination, else the request's
  auto replier = [&] { return diagram.participant(replyFrom.empty() ? "broker" : replyFrom); };

  for (const FlowInteraction &i : flow.interactions) {
    std::set<std::string> rules = rulesAt(i.loc);
    bool replyWait = rules.count("sync-over-queue") || rules.count("unbounded-reply-wait");
    std::string noTimeout = rules.count("unbounded-reply-wait") ? ", without a timeout" : "";
    std::string call = i.api + through(i.via);
    std::string destination = i.destination.empty() ? "broker" : i.destination;

    if (i.role == "reply-marker") {
      if (!i.destination.empty())
        replyTo = replyFrom = i.destination;
    } else if (i.role == "publish") {
      std::string to = diagram.participant(destination);
      diagram.arrow("F", "->>", to, "publish (" + call + ")" + (replyTo.empty() ? "" : ", reply to " + replyTo));
      if (replyFrom.empty())
        replyFrom = destination;
      replyTo.clear();
    } else if (i.role == "broker-request") {
      std::string to = diagram.participant(destination);
      diagram.arrow("F", "->>", to, "request (" + call + ")");
      diagram.note("blocked until the reply arrives" + noTimeout);
      diagram.arrow(to, "-->>", "F", "reply");
    } else if (i.role == "direct-request") {
      std::string service = diagram.participant(serviceOf(i));
      diagram.arrow("F", "->>", service, call);
      diagram.arrow(service, "-->>", "F", "response");
    } else if (i.role == "receive" && replyWait) {
      diagram.note("blocked in " + i.api + " until the reply arrives" + noTimeout);
      diagram.arrow(replier(), "-->>", "F", "reply (" + call + ")");
    } else if (i.role == "receive") {
      diagram.arrow(diagram.participant(destination), "-->>", "F", "message (" + call + ")");
    } else if (i.role == "wait" && replyWait) {
      diagram.note("blocked in " + i.api + " until the reply arrives" + noTimeout);
      diagram.arrow(replier(), "-->>", "F", "reply");
    } else if (i.role == "wait" && rules.count("publish-then-block")) {
      diagram.note("blocked in " + i.api + ", not shown to wait for a reply");
    } else if (i.role == "wait") {
      diagram.note("waits in " + i.api);
    } else if (i.role == "subscribe") {
      diagram.arrow("F", "->>", diagram.participant(destination), "subscribe (" + call + ")");
    }
    // ack-wait: the broker's acknowledgement of the flow's own publish does
    // not change the flow's shape; it is left out.
  }
  return diagram.str();
}

} // namespace flowshape
