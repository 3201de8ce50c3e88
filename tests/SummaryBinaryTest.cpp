// The binary form the cache stores gives back exactly what extraction
// produced, and damaged bytes are an error, never a crash or a read past
// the end.
#include "ProjectFixture.h"

#include "summary/SummaryBinary.h"
#include "summary/SummaryJson.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace flowshape;
using namespace flowshape::test;

namespace {

ExtractedUnits unitsOf(const std::string &folder) {
  AnalysisRequest request;
  request.root = testdataDir();
  request.commands = commandsForFolder(testdataDir() + "/" + folder);
  return extractUnits(request);
}

// A unit as the cache stores it: an index, and one entry per function.
TranslationUnitSummary throughBinary(const TranslationUnitSummary &unit) {
  std::vector<std::string> keys;
  std::vector<std::string> entries;
  for (const FunctionSummary &fn : unit.functions) {
    entries.push_back(functionToBinary(fn));
    keys.push_back("key-" + std::to_string(keys.size()));
  }
  std::vector<std::string> keysBack;
  TranslationUnitSummary back = unitIndexFromBinary(unitIndexToBinary(unit, keys), keysBack);
  EXPECT_EQ(keysBack, keys);
  for (const std::string &entry : entries)
    back.functions.push_back(functionFromBinary(entry));
  return back;
}

class SummaryBinaryRoundTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(SummaryBinaryRoundTrip, KeepsEverything) {
  ExtractedUnits units = unitsOf(GetParam());
  ASSERT_FALSE(units.units.empty());
  std::string direct = jsonOf(reportUnits(units, ""));
  ExtractedUnits reread = units;
  reread.units.clear();
  for (const TranslationUnitSummary &unit : units.units) {
    TranslationUnitSummary back = throughBinary(unit);
    // The JSON form writes every field: equal JSON, equal summaries.
    EXPECT_EQ(summaryToJson(back), summaryToJson(unit)) << unit.mainFile;
    reread.units.push_back(std::move(back));
  }
  EXPECT_EQ(jsonOf(reportUnits(reread, "")), direct);
}

INSTANTIATE_TEST_SUITE_P(Folders, SummaryBinaryRoundTrip,
                         ::testing::Values("demo", "rules/publish-then-block", "rules/sync-over-queue",
                                           "catalog/cppzmq", "catalog/paho-mqtt-cpp", "xtu/rpc_over_queue", "partial"),
                         [](const auto &info) {
                           std::string name;
                           for (char c : info.param)
                             name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

const FunctionSummary &largestFunction(const ExtractedUnits &units) {
  const FunctionSummary *largest = nullptr;
  for (const TranslationUnitSummary &unit : units.units)
    for (const FunctionSummary &fn : unit.functions)
      if (!largest || fn.events.size() > largest->events.size())
        largest = &fn;
  return *largest;
}

TEST(SummaryBinary, EveryTruncationIsAnError) {
  ExtractedUnits units = unitsOf("demo");
  std::string bytes = functionToBinary(largestFunction(units));
  ASSERT_GT(bytes.size(), 200u);
  for (size_t size = 0; size < bytes.size(); ++size)
    EXPECT_THROW(functionFromBinary(llvm::StringRef(bytes.data(), size)), SummaryFormatError) << size;
  EXPECT_THROW(functionFromBinary(bytes + "x"), SummaryFormatError) << "bytes after the end";
  std::vector<std::string> keys;
  std::string index = unitIndexToBinary(units.units.front(), {"a", "b"});
  for (size_t size = 0; size < index.size(); ++size)
    EXPECT_THROW(unitIndexFromBinary(llvm::StringRef(index.data(), size), keys), SummaryFormatError) << size;
}

TEST(SummaryBinary, DamagedBytesAreAnErrorOrAnotherSummary) {
  ExtractedUnits units = unitsOf("demo");
  const FunctionSummary &fn = largestFunction(units);
  std::string bytes = functionToBinary(fn);
  size_t errors = 0;
  for (size_t i = 0; i < bytes.size(); ++i)
    for (unsigned char value : {0x00, 0x7f, 0xff}) {
      std::string damaged = bytes;
      damaged[i] = static_cast<char>(value);
      try {
        functionFromBinary(damaged); // any summary at all, but no crash (the sanitizer run checks reads)
      } catch (const SummaryFormatError &) {
        ++errors;
      }
    }
  // Damage inside a string's bytes reads as another string: the checksum
  // of the cache entry around it catches that. Counts, indices and
  // enumerators out of range are the reader's to catch.
  EXPECT_GT(errors, bytes.size() / 20) << "damaged counts and indices are detected";
  std::string format = bytes;
  format[0] = static_cast<char>(kSummaryFormatVersion + 1);
  EXPECT_THROW(functionFromBinary(format), SummaryFormatError) << "another format version";
}

} // namespace
