// One-line messages for JSON that does not parse, shared by the loaders of
// JSON input (baselines, shard summaries): "file:line:col: malformed JSON: what".
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace flowshape {

// `path:line:col` of the byte nlohmann stopped at (its 1-based `byte`).
std::string jsonErrorLocation(const std::string &path, const std::string &content, size_t byte);

// What nlohmann says, without its "[json.exception...] parse error at ..." prefix.
std::string jsonParseProblem(const nlohmann::json::parse_error &error);

// "path:line:col: malformed JSON: <jsonParseProblem>".
std::string malformedJson(const std::string &path, const std::string &content, const nlohmann::json::parse_error &error);

} // namespace flowshape
