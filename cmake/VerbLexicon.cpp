// Build-time generator of the verb lexicon of command-named-event, from
// WordNet 3.0 as Debian's wordnet-base installs it (/usr/share/wordnet).
// Writes a C++ header with three compact tables (sorted, '\n'-separated):
//   kVerbs       base-form verbs with no noun reading (recalculate, rebuild)
//   kActNouns    verbs in use (SemCor) that are nouns too, whose act sense is
//                one of their two most frequent noun senses (provision, refund)
//   kInflections irregular inflected forms and their base ("rebuilt rebuild")
// Multi-word entries (take_off), hyphenated and numeric ones are left out, and
// so are verbs that are adverbs too (up, off): particles in names (signed-up).
// Usage: VerbLexicon WORDNET_DIR OUTPUT
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

bool plainWord(const std::string &w) {
  return w.size() > 1 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// index.<pos>: lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
// Lines of the license start with two spaces.
struct Lemma {
  size_t tagged = 0; // senses met in the SemCor concordance: the reading is in use
  std::vector<std::string> offsets; // synsets, most frequent sense first
};

std::map<std::string, Lemma> readIndex(const std::string &path) {
  std::map<std::string, Lemma> out;
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("cannot read " + path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ')
      continue;
    std::istringstream fields(line);
    std::string lemma, pos;
    size_t synsets = 0, pointers = 0;
    fields >> lemma >> pos >> synsets >> pointers;
    std::string skip;
    for (size_t i = 0; i < pointers + 1; ++i) // pointer symbols, sense_cnt
      fields >> skip;
    Lemma entry;
    fields >> entry.tagged;
    entry.offsets.resize(synsets);
    for (auto &offset : entry.offsets)
      fields >> offset;
    if (plainWord(lemma))
      out[lemma] = std::move(entry);
  }
  return out;
}

// data.noun: synset_offset lex_filenum ...; lexicographer file 04 is noun.act.
std::set<std::string> actSynsets(const std::string &path) {
  std::set<std::string> out;
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("cannot read " + path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ')
      continue;
    std::istringstream fields(line);
    std::string offset, lexfile;
    fields >> offset >> lexfile;
    if (lexfile == "04")
      out.insert(offset);
  }
  return out;
}

std::string literal(const std::vector<std::string> &lines) {
  std::string out = "\"";
  size_t column = 0;
  for (const std::string &line : lines) {
    out += line + "\\n";
    column += line.size() + 2;
    if (column > 100) {
      out += "\"\n    \"";
      column = 0;
    }
  }
  return out + "\"";
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 3) {
    std::cerr << "usage: VerbLexicon WORDNET_DIR OUTPUT\n";
    return 2;
  }
  std::string dir = argv[1];
  try {
    auto verbs = readIndex(dir + "/index.verb");
    auto nouns = readIndex(dir + "/index.noun");
    auto adverbs = readIndex(dir + "/index.adv");
    std::set<std::string> acts = actSynsets(dir + "/data.noun");
    std::vector<std::string> verbOnly, actNouns, inflections;
    for (const auto &[verb, entry] : verbs) {
      if (adverbs.count(verb)) // a particle in a name: user.signed-up, sign-off
        continue;
      auto noun = nouns.find(verb);
      if (noun == nouns.end()) {
        verbOnly.push_back(verb);
        continue;
      }
      if (entry.tagged == 0) // a verb reading never met in text (job, task)
        continue;
      const auto &offsets = noun->second.offsets;
      for (size_t i = 0; i < offsets.size() && i < 2; ++i)
        if (acts.count(offsets[i])) {
          actNouns.push_back(verb);
          break;
        }
    }
    // verb.exc: "form base"; -s and -ing forms state no fact, and a form that
    // is a verb itself (found, lay) is left out.
    std::ifstream exc(dir + "/verb.exc");
    if (!exc)
      throw std::runtime_error("cannot read " + dir + "/verb.exc");
    std::string line, form, base;
    while (std::getline(exc, line)) {
      std::istringstream fields(line);
      if (!(fields >> form >> base)) // a form of several verbs: the first
        continue;
      bool suffix = form.back() == 's' || (form.size() > 3 && form.compare(form.size() - 3, 3, "ing") == 0);
      if (plainWord(form) && plainWord(base) && !suffix && !verbs.count(form) && verbs.count(base))
        inflections.push_back(form + " " + base);
    }
    std::sort(inflections.begin(), inflections.end());
    inflections.erase(std::unique(inflections.begin(), inflections.end()), inflections.end());

    std::ofstream out(argv[2]);
    out << "// Generated by cmake/VerbLexicon.cpp from WordNet 3.0 (" << dir << "): do not edit.\n"
        << "// WordNet 3.0 Copyright 2006 by Princeton University; license: /usr/share/doc/wordnet-base/copyright.\n"
        << "#pragma once\n#include <string_view>\nnamespace flowshape::lexicon {\n"
        << "inline constexpr std::string_view kVerbs = " << literal(verbOnly) << ";\n"
        << "inline constexpr std::string_view kActNouns = " << literal(actNouns) << ";\n"
        << "inline constexpr std::string_view kInflections = " << literal(inflections) << ";\n"
        << "} // namespace flowshape::lexicon\n";
    if (!out)
      throw std::runtime_error(std::string("cannot write ") + argv[2]);
    std::cout << "verb lexicon: " << verbOnly.size() << " verbs, " << actNouns.size() << " act nouns, "
              << inflections.size() << " inflections\n";
  } catch (const std::exception &e) {
    std::cerr << "VerbLexicon: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
