// English verbs from WordNet 3.0 (embedded at build time, see
// cmake/VerbLexicon.cpp), for reading event names: which words are
// instructions, and which are irregular forms stating that one happened.
#pragma once

#include <string>
#include <string_view>

namespace flowshape {

enum class VerbReading {
  None,    // not a verb, or a verb mostly used as a noun (price, address, report)
  Verb,    // a verb with no noun reading (recalculate, rebuild, sanitize)
  ActNoun, // a verb whose noun names the act itself (provision, refund): an
           // instruction only where a name puts its action (tenant.provision)
};

// How the lexicon reads a lower-case word.
VerbReading verbReading(std::string_view word);

// The base verb of an irregular inflected form ("rebuilt" -> "rebuild",
// "sent" -> "send"), empty when `word` is not one.
std::string irregularBase(std::string_view word);

// The past participle of a verb from the lexicon's irregular forms
// ("rebuild" -> "rebuilt"), empty when it has none.
std::string irregularParticiple(std::string_view verb);

} // namespace flowshape
