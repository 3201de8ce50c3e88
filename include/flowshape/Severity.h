#pragma once

#include <optional>
#include <string>

namespace flowshape {

enum class Severity { Note, Warning, Error };
const char *severityName(Severity severity);
std::optional<Severity> parseSeverity(const std::string &name);

} // namespace flowshape
