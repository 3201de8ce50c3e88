#include "support/JsonError.h"

#include <algorithm>

namespace flowshape {

std::string jsonErrorLocation(const std::string &path, const std::string &content, size_t byte) {
  // The last byte read, 0-based; nlohmann counts one past the end at EOF.
  size_t at = byte > 0 ? std::min(byte - 1, content.size()) : 0;
  size_t line = 1 + static_cast<size_t>(std::count(content.begin(), content.begin() + at, '\n'));
  size_t lineStart = at == 0 ? std::string::npos : content.rfind('\n', at - 1);
  size_t column = lineStart == std::string::npos ? at + 1 : at - lineStart;
  return path + ":" + std::to_string(line) + ":" + std::to_string(column);
}

std::string jsonParseProblem(const nlohmann::json::parse_error &error) {
  // what() is "[json.exception.parse_error.101] parse error at line 1, column 2: <what>".
  std::string what = error.what();
  if (size_t colon = what.find(": "); colon != std::string::npos)
    what = what.substr(colon + 2);
  std::replace_if(what.begin(), what.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  return what;
}

std::string malformedJson(const std::string &path, const std::string &content,
                          const nlohmann::json::parse_error &error) {
  return jsonErrorLocation(path, content, error.byte) + ": malformed JSON: " + jsonParseProblem(error);
}

} // namespace flowshape
