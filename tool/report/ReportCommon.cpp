#include "flowshape/Report.h"

namespace flowshape {

std::string Report::relative(const std::string &path) const {
  if (!root.empty() && path.size() > root.size() && path.compare(0, root.size(), root) == 0 && path[root.size()] == '/')
    return path.substr(root.size() + 1);
  return path;
}

std::string Report::viaText(const std::vector<ViaStep> &via) const {
  std::string out;
  for (const ViaStep &step : via)
    out += (out.empty() ? "" : " -> ") + step.function + " at " + relative(step.loc.file) + ":" +
           std::to_string(step.loc.line);
  return out;
}

std::string failureHeadline(const TranslationUnitFailure &failure) {
  if (failure.link)
    return "not every flow could be analysed: the link ran out of memory (partial)";
  return failure.partial ? "translation unit has errors: only the functions that parsed are analysed (partial)"
                         : "translation unit could not be analysed";
}

} // namespace flowshape
