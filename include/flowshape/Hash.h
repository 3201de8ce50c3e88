#pragma once

#include <string>

namespace flowshape {

// Lowercase hex SHA-256 of `text`.
std::string sha256Hex(const std::string &text);

} // namespace flowshape
