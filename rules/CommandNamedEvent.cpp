// command-named-event: a published destination or event name that reads as
// a command or a query (inventory.check, GetPrice) instead of a fact
// (order.placed). Word lists: EventNameWords, overridable in .flowshape.yaml;
// beyond them, the verbs of WordNet (VerbLexicon.h).
#include "RuleHelpers.h"
#include "VerbLexicon.h"

#include "flowshape/Rule.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <optional>

namespace flowshape {
namespace {

struct Word {
  std::string text;  // as written
  std::string lower;
  size_t offset;     // in the name
};

// "inventory.check" -> inventory, check; "GetPrice" -> Get, Price;
// "placeOrderV2" -> place, Order, V2.
std::vector<Word> splitWords(const std::string &name) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < name.size()) {
    if (!std::isalnum(static_cast<unsigned char>(name[i]))) {
      ++i;
      continue;
    }
    size_t start = i++;
    while (i < name.size() && std::isalnum(static_cast<unsigned char>(name[i]))) {
      bool lowerToUpper = std::islower(static_cast<unsigned char>(name[i - 1])) && std::isupper(static_cast<unsigned char>(name[i]));
      bool acronymEnd = i + 1 < name.size() && std::isupper(static_cast<unsigned char>(name[i - 1])) &&
                        std::isupper(static_cast<unsigned char>(name[i])) && std::islower(static_cast<unsigned char>(name[i + 1]));
      if (lowerToUpper || acronymEnd)
        break;
      ++i;
    }
    Word w{name.substr(start, i - start), {}, start};
    for (char c : w.text)
      w.lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    words.push_back(std::move(w));
  }
  return words;
}

bool contains(const std::vector<std::string> &list, const std::string &word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool readsAsFact(const Word &w, const EventNameWords &words) {
  if (contains(words.factWords, w.lower) || !irregularBase(w.lower).empty()) // rebuilt, sent
    return true;
  auto endsWith = [&](const char *suffix) {
    size_t n = std::char_traits<char>::length(suffix);
    return w.lower.size() > n + 1 && w.lower.compare(w.lower.size() - n, n, suffix) == 0;
  };
  // Past participles (placed, captured) state facts; -ing words state a
  // state (processing), not an instruction.
  return endsWith("ed") || endsWith("ing");
}

std::string pastTense(const std::string &verb) {
  static const std::map<std::string, std::string> irregular = {
      {"do", "done"},     {"run", "completed"}, {"send", "sent"},   {"set", "set"},           {"stop", "stopped"},
      {"submit", "submitted"}, {"cancel", "cancelled"}, {"pay", "paid"}, {"make", "made"},   {"build", "built"},
      {"ship", "shipped"}, {"book", "booked"},   {"debit", "debited"}};
  auto it = irregular.find(verb);
  if (it != irregular.end())
    return it->second;
  if (std::string participle = irregularParticiple(verb); !participle.empty())
    return participle;
  if (!verb.empty() && verb.back() == 'e')
    return verb + "d";
  if (verb.size() > 1 && verb.back() == 'y' && !std::strchr("aeiou", verb[verb.size() - 2]))
    return verb.substr(0, verb.size() - 1) + "ied";
  return verb + "ed";
}

enum class Reading { Neutral, Fact, Command };

// How one segment of a name (between '.', '/', ':') reads, and its command
// or query word. A segment that starts with one is an instruction whatever
// its object ("StartRecording", "schedule-meeting", "GetResult") unless it
// ends on a participle ("capture-failed"); otherwise the last word that
// reads as a fact or as a command decides ("billing" is a fact word,
// "inventory_check" a command).
//
// Besides the word lists, a verb of the lexicon with no noun reading is an
// instruction like a listed one; a verb whose noun names the act
// (provision) only as the whole last segment of a name, where the action
// goes (`tenant.provision`), not as an entity (`provision.requests`).
Reading readSegment(const std::vector<Word> &segment, const EventNameWords &words, bool actionSlot,
                    const Word *&verb) {
  auto isVerb = [&](const Word &w) {
    if (contains(words.commandWords, w.lower) || contains(words.queryWords, w.lower))
      return true;
    if (contains(words.factWords, w.lower)) // the user's word against the lexicon's
      return false;
    VerbReading lexicon = verbReading(w.lower);
    return lexicon == VerbReading::Verb || (lexicon == VerbReading::ActNoun && actionSlot && segment.size() == 1);
  };
  auto participle = [](const Word &w) { return w.lower.size() > 3 && w.lower.compare(w.lower.size() - 2, 2, "ed") == 0; };
  if (segment.empty())
    return Reading::Neutral;
  if (isVerb(segment.front()) && !(segment.size() > 1 && participle(segment.back()))) {
    verb = &segment.front();
    return Reading::Command;
  }
  Reading reading = Reading::Neutral;
  for (const Word &w : segment) {
    if (readsAsFact(w, words)) {
      reading = Reading::Fact;
    } else if (isVerb(w)) {
      reading = Reading::Command;
      verb = &w;
    }
  }
  return reading;
}

// The word that makes a name a command or a query, or null when it reads
// as a fact or as neither: the last segment that reads as either decides
// ("inventory.check.completed" is a fact, "billing.invoice.generate" a command).
std::optional<Word> commandWord(const std::string &name, const EventNameWords &words) {
  std::vector<Word> parts = splitWords(name);
  std::optional<Word> decided;
  size_t begin = 0;
  while (begin < parts.size()) {
    size_t end = begin + 1;
    while (end < parts.size() && !std::strchr("./:", name[parts[end].offset - 1]))
      ++end;
    std::vector<Word> segment(parts.begin() + begin, parts.begin() + end);
    const Word *verb = nullptr;
    bool actionSlot = begin > 0 && end == parts.size();
    Reading reading = readSegment(segment, words, actionSlot, verb);
    if (reading == Reading::Fact)
      decided.reset();
    else if (reading == Reading::Command)
      decided = *verb;
    begin = end;
  }
  return decided;
}

class CommandNamedEvent : public Rule {
public:
  const char *id() const override { return "command-named-event"; }
  const char *title() const override { return "CommandNamedEvent"; }
  const char *summary() const override {
    return "A published event or destination is named as a command or a query (inventory.check, GetPrice) "
           "instead of a fact (order.placed).";
  }
  Severity defaultSeverity() const override { return Severity::Note; }
  const char *precision() const override { return "medium"; }
  std::vector<std::string> tags() const override { return {"architecture", "messaging", "naming"}; }

  void check(const RuleContext &context, std::vector<Finding> &out) const override {
    const EventNameWords &words = context.config.words;
    const FlowGraph &graph = *context.flow.graph;
    // A message that expects a reply is a request, and rightly named as a
    // command or query: sync-over-queue speaks about it instead.
    std::vector<bool> request(graph.nodes.size(), false);
    bool markers = false;
    for (const FlowNode &node : graph.nodes)
      markers = markers || node.role == Role::ReplyMarker;
    for (const WaitAfterPublish &wait : context.flow.waits)
      if (wait.verdict == WaitVerdict::Reply)
        for (uint32_t p : wait.publishes)
          request[p] = true;
    for (uint32_t n = 0; n < graph.nodes.size(); ++n) {
      const FlowNode &node = graph.nodes[n];
      if (node.role != Role::Publish || node.destination.empty() || node.answered || request[n] || markers)
        continue;
      // The name is reported where it is written: in this flow, either on
      // the API call itself or as the argument of a wrapper it calls.
      if (!(node.direct() || node.destinationFromFlow))
        continue;
      const std::string &name = node.destination;
      std::optional<Word> verb = commandWord(name, words);
      if (!verb)
        continue;
      {
        const Word &w = *verb;
        // Listed query words ask; listed command words and lexicon verbs instruct.
        bool command = contains(words.commandWords, w.lower) || !contains(words.queryWords, w.lower);
        std::string message;
        if (command) {
          std::string fact = name;
          std::string past = pastTense(w.lower);
          if (std::isupper(static_cast<unsigned char>(w.text[0])))
            past[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(past[0])));
          fact.replace(w.offset, w.text.size(), past);
          message = "'" + name + "' is published as an event but named as a command ('" + w.text +
                    "'): an event states a fact, such as '" + fact + "'";
        } else {
          message = "'" + name + "' is published as an event but named as a query ('" + w.text +
                    "'): a query needs an answer, so it is a request, not an event";
        }
        Finding f = findingAt(context, node, message);
        f.evidence.push_back(evidenceFor(node, "publish", describeNode(node)));
        out.push_back(std::move(f));
      }
    }
  }
};

} // namespace

std::unique_ptr<Rule> makeCommandNamedEvent() { return std::make_unique<CommandNamedEvent>(); }

} // namespace flowshape
