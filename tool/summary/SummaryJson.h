// Summaries on disk: the cache and the shard files (--summaries-out) store
// TranslationUnitSummary as JSON. The format is versioned; a reader given
// another version, or anything malformed, throws SummaryFormatError and the
// caller treats the data as absent (the cache re-extracts) or as bad input.
#pragma once

#include "flowshape/Summary.h"

#include <nlohmann/json_fwd.hpp>

#include <stdexcept>

namespace flowshape {

// Bump on any change to the layout below or to what extraction puts into a
// summary: old cache entries then stop matching.
constexpr int kSummaryFormatVersion = 7; // 7: junction events

struct SummaryFormatError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

nlohmann::json summaryToJson(const TranslationUnitSummary &unit);
TranslationUnitSummary summaryFromJson(const nlohmann::json &json); // throws SummaryFormatError

} // namespace flowshape
