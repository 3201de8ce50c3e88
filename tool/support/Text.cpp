#include "support/Text.h"

#include <cctype>

namespace flowshape {

std::string collapseSpaces(llvm::StringRef text, size_t limit) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space)
      out += ' ';
    space = false;
    out += c;
    if (out.size() >= limit) {
      out += "...";
      break;
    }
  }
  return out;
}

} // namespace flowshape
