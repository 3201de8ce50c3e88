#include "Expectations.h"

#include <fstream>
#include <regex>
#include <sstream>

namespace flowshape::test {

namespace {

std::vector<std::string> splitList(const std::string &text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    size_t b = item.find_first_not_of(" \t");
    size_t e = item.find_last_not_of(" \t");
    if (b != std::string::npos)
      out.push_back(item.substr(b, e - b + 1));
  }
  return out;
}

} // namespace

void readExpectations(const std::string &file, const std::string &relative, Expectations &out) {
  std::ifstream in(file);
  std::string line;
  unsigned number = 0;
  // KEY[@+N|@-N]: values, several per comment separated by ';'.
  static const std::regex item(R"((EXPECT-NONE|EXPECT|EVIDENCE|SHAPE|OK|TODO-EXPECT|FLAGS|CONFIG|PARTIAL-BODY|PARTIAL)(@([+-]\d+))?(:\s*([^;]*))?)");
  while (std::getline(in, line)) {
    ++number;
    size_t comment = std::min(line.find("//"), line.find("/*"));
    if (comment == std::string::npos)
      continue;
    std::string text = line.substr(comment + 2);
    if (size_t close = text.find("*/"); close != std::string::npos)
      text = text.substr(0, close);
    std::stringstream parts(text);
    std::string part;
    while (std::getline(parts, part, ';')) {
      std::smatch m;
      std::string trimmed = part.substr(std::min(part.find_first_not_of(" \t"), part.size()));
      if (!std::regex_search(trimmed, m, item) || m.position(0) != 0)
        continue;
      std::string key = m[1];
      int offset = m[3].matched ? std::stoi(m[3]) : 0;
      std::string value = m[5].matched ? std::string(m[5]) : std::string();
      while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r'))
        value.pop_back();
      unsigned at = static_cast<unsigned>(static_cast<int>(number) + offset);
      if (key == "EXPECT-NONE") {
        out.expectNone.insert(relative);
      } else if (key == "PARTIAL") {
        out.partial.insert(relative);
      } else if (key == "PARTIAL-BODY") {
        out.partialBody.insert({relative, at, "partial-body"});
      } else if (key == "FLAGS") {
        std::stringstream words(value);
        std::string word;
        while (words >> word)
          out.flags.push_back(word);
      } else if (key == "CONFIG") {
        out.config = value;
      } else {
        auto values = splitList(value);
        if (values.empty())
          out.errors.push_back(relative + ":" + std::to_string(number) + ": '" + key + ":' without a value");
        for (const auto &v : values) {
          Mark mark{relative, at, v};
          if (key == "EXPECT")
            out.findings.insert(mark);
          else if (key == "SHAPE")
            out.shapes.insert(mark);
          else if (key == "EVIDENCE")
            out.evidence.insert(mark);
          else if (key == "OK")
            out.clean.insert(mark);
          else if (key == "TODO-EXPECT")
            out.todo.insert(mark);
        }
      }
    }
  }
}

} // namespace flowshape::test
