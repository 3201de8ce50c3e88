// Shards for CI matrices: `--shard K/N --summaries-out FILE` extracts a
// stable 1/N of the translation units and writes their summaries;
// `flowshape merge FILE...` reads every shard's file back, links them into
// one program and reports, exactly as one full run would.
#pragma once

#include "driver/Analysis.h"

#include <string>
#include <vector>

namespace flowshape {

struct ShardSpec {
  unsigned index = 1; // 1-based
  unsigned count = 1;
};

// Parses "K/N" (1 <= K <= N). Throws InputError.
ShardSpec parseShard(const std::string &text);

// Writes a shard's summaries. Throws InputError when the file cannot be written.
void writeSummariesFile(const std::string &path, const ExtractedUnits &units, const ShardSpec &shard);

// Reads the files of every shard of one run: same root, same shard count,
// each shard exactly once. Throws InputError naming the file and the problem.
ExtractedUnits readSummariesFiles(const std::vector<std::string> &paths);

// The same on files already read: (path, content) pairs.
struct SummariesText {
  std::string path;
  std::string content;
};
ExtractedUnits parseSummaries(const std::vector<SummariesText> &files);

} // namespace flowshape
