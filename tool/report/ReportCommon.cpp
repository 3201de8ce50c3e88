#include "flowshape/Report.h"

namespace flowshape {

std::string Report::relative(const std::string &path) const {
  if (!root.empty() && path.size() > root.size() && path.compare(0, root.size(), root) == 0 && path[root.size()] == '/')
    return path.substr(root.size() + 1);
  return path;
}

} // namespace flowshape
