// Errors about bad input are one line ("file:line:col: what"), even when
// they quote the input: a key or value may hold a newline or other control
// characters (YAML and JSON escapes), which would break the line and could
// forge output on a terminal or in a CI log.
#pragma once

#include <string>

namespace flowshape {

// `text` with every control character but tab written as an escape (\n, \x1b).
inline std::string oneLine(const std::string &text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if ((byte < 0x20 && c != '\t') || byte == 0x7f) {
      const char *hex = "0123456789abcdef";
      out += "\\x";
      out += hex[byte >> 4];
      out += hex[byte & 15];
    } else {
      out += c;
    }
  }
  return out;
}

} // namespace flowshape
