// Catalogs and rule documentation compiled into the binary (see
// cmake/EmbedFiles.cmake), so that an installed flowshape needs no data files.
#pragma once

#include <string_view>
#include <vector>

namespace flowshape {

struct EmbeddedFile {
  std::string_view name; // file name, e.g. "librdkafka.yaml"
  std::string_view content;
};

const std::vector<EmbeddedFile> &embeddedCatalogs();
const std::vector<EmbeddedFile> &embeddedRuleDocs();

} // namespace flowshape
