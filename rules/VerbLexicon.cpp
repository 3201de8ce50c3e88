#include "VerbLexicon.h"

#include "VerbLexiconTables.h" // generated from WordNet (cmake/VerbLexicon.cpp)

#include <algorithm>
#include <utility>
#include <vector>

namespace flowshape {

namespace {

// A '\n'-separated table, sorted, as lines.
std::vector<std::string_view> linesOf(std::string_view table) {
  std::vector<std::string_view> out;
  while (!table.empty()) {
    size_t end = table.find('\n');
    out.push_back(table.substr(0, end));
    table.remove_prefix(end == std::string_view::npos ? table.size() : end + 1);
  }
  return out;
}

bool has(const std::vector<std::string_view> &sorted, std::string_view word) {
  return std::binary_search(sorted.begin(), sorted.end(), word);
}

// Irregular forms: (form, base) sorted by form, and (base, form) by base.
struct Inflections {
  std::vector<std::pair<std::string_view, std::string_view>> byForm, byBase;
};

const Inflections &inflections() {
  static const Inflections table = [] {
    Inflections t;
    for (std::string_view line : linesOf(lexicon::kInflections)) {
      size_t space = line.find(' ');
      t.byForm.emplace_back(line.substr(0, space), line.substr(space + 1));
      t.byBase.emplace_back(line.substr(space + 1), line.substr(0, space));
    }
    std::sort(t.byBase.begin(), t.byBase.end());
    return t;
  }();
  return table;
}

} // namespace

VerbReading verbReading(std::string_view word) {
  static const std::vector<std::string_view> verbs = linesOf(lexicon::kVerbs);
  static const std::vector<std::string_view> actNouns = linesOf(lexicon::kActNouns);
  if (has(verbs, word))
    return VerbReading::Verb;
  if (has(actNouns, word))
    return VerbReading::ActNoun;
  return VerbReading::None;
}

std::string irregularBase(std::string_view word) {
  const auto &forms = inflections().byForm;
  auto it = std::lower_bound(forms.begin(), forms.end(), std::make_pair(word, std::string_view()));
  return it != forms.end() && it->first == word ? std::string(it->second) : std::string();
}

std::string irregularParticiple(std::string_view verb) {
  // Of the forms of one verb (wrote, written), the participle: one in -n
  // (written, shown), else one in -ed or -t (abetted, rebuilt), else any.
  const auto &bases = inflections().byBase;
  auto it = std::lower_bound(bases.begin(), bases.end(), std::make_pair(verb, std::string_view()));
  std::string best;
  int bestRank = -1;
  for (; it != bases.end() && it->first == verb; ++it) {
    std::string_view form = it->second;
    char last = form.back();
    int rank = last == 'n' ? 3 : (last == 'd' || last == 't') ? 2 : 1;
    if (rank > bestRank) {
      best = std::string(form);
      bestRank = rank;
    }
  }
  return best;
}

} // namespace flowshape
