#include "report/SourceText.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"

#include <array>
#include <cstdint>
#include <unordered_map>

namespace flowshape {

std::u16string decodeUtf8(llvm::StringRef bytes) {
  std::u16string out;
  out.reserve(bytes.size());
  auto emit = [&](uint32_t codePoint) {
    if (codePoint > 0xFFFF) {
      codePoint -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (codePoint >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (codePoint & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(codePoint));
    }
  };
  uint32_t codePoint = 0;
  unsigned needed = 0, seen = 0;
  uint8_t lower = 0x80, upper = 0xBF;
  for (size_t i = 0; i < bytes.size(); ++i) {
    uint8_t byte = static_cast<uint8_t>(bytes[i]);
    if (needed == 0) {
      if (byte <= 0x7F) {
        emit(byte);
      } else if (byte >= 0xC2 && byte <= 0xDF) {
        needed = 1;
        codePoint = byte & 0x1F;
      } else if (byte >= 0xE0 && byte <= 0xEF) {
        lower = byte == 0xE0 ? 0xA0 : 0x80;
        upper = byte == 0xED ? 0x9F : 0xBF;
        needed = 2;
        codePoint = byte & 0x0F;
      } else if (byte >= 0xF0 && byte <= 0xF4) {
        lower = byte == 0xF0 ? 0x90 : 0x80;
        upper = byte == 0xF4 ? 0x8F : 0xBF;
        needed = 3;
        codePoint = byte & 0x07;
      } else {
        emit(0xFFFD);
      }
      continue;
    }
    if (byte < lower || byte > upper) {
      // The sequence so far is one replacement; the byte starts afresh.
      needed = seen = 0;
      lower = 0x80;
      upper = 0xBF;
      emit(0xFFFD);
      --i;
      continue;
    }
    lower = 0x80;
    upper = 0xBF;
    codePoint = (codePoint << 6) | (byte & 0x3F);
    if (++seen == needed) {
      emit(codePoint);
      needed = seen = 0;
    }
  }
  if (needed != 0)
    emit(0xFFFD);
  return out;
}

std::vector<std::string> githubLineHashes(llvm::StringRef bytes) {
  constexpr unsigned kBlock = 100;
  constexpr uint64_t kMod = 37;
  constexpr uint32_t kEndOfFile = 65535;
  // JavaScript Longs wrap around like uint64_t; only the printing is unsigned.
  uint64_t firstMod = 1;
  for (unsigned i = 0; i < kBlock; ++i)
    firstMod *= kMod;

  std::array<uint32_t, kBlock> window{};
  std::array<int64_t, kBlock> lineAt; // the line starting at this window slot, or -1
  lineAt.fill(-1);
  uint64_t hash = 0;
  unsigned index = 0;
  int64_t lineNumber = 0;
  bool lineStart = true, previousCR = false;
  std::unordered_map<uint64_t, unsigned> occurrences;
  std::vector<std::string> out;

  auto output = [&] {
    unsigned n = ++occurrences[hash];
    size_t line = static_cast<size_t>(lineAt[index]);
    if (out.size() < line)
      out.resize(line);
    out[line - 1] = llvm::utohexstr(hash, /*LowerCase=*/true) + ":" + std::to_string(n);
    lineAt[index] = -1;
  };
  auto update = [&](uint32_t current) {
    uint32_t begin = window[index];
    window[index] = current;
    hash = kMod * hash + current - firstMod * begin;
    index = (index + 1) % kBlock;
  };
  auto process = [&](uint32_t current) {
    if (current == ' ' || current == '\t' || (previousCR && current == '\n')) {
      previousCR = false;
      return;
    }
    previousCR = current == '\r';
    if (current == '\r')
      current = '\n';
    if (lineAt[index] != -1)
      output();
    if (lineStart) {
      lineStart = false;
      lineAt[index] = ++lineNumber;
    }
    if (current == '\n')
      lineStart = true;
    update(current);
  };

  for (char16_t unit : decodeUtf8(bytes))
    process(unit);
  process(kEndOfFile);
  for (unsigned i = 0; i < kBlock; ++i) {
    if (lineAt[index] != -1)
      output();
    update(0);
  }
  return out;
}

SourceText::File &SourceText::load(const std::string &file) {
  auto &slot = files_[file];
  if (slot)
    return *slot;
  slot = std::make_unique<File>();
  if (auto buffer = llvm::MemoryBuffer::getFile(file, /*IsText=*/false, /*RequiresNullTerminator=*/false)) {
    slot->readable = true;
    slot->bytes = (*buffer)->getBuffer().str();
    llvm::StringRef text = slot->bytes;
    while (!text.empty()) {
      auto [head, tail] = text.split('\n');
      slot->lines.push_back(head.rtrim("\r"));
      text = tail;
    }
  }
  return *slot;
}

llvm::StringRef SourceText::line(const std::string &file, unsigned line) {
  File &f = load(file);
  return line >= 1 && line <= f.lines.size() ? f.lines[line - 1] : llvm::StringRef();
}

std::string SourceText::lineHash(const std::string &file, unsigned line) {
  File &f = load(file);
  if (!f.readable)
    return {};
  if (f.hashes.empty())
    f.hashes = githubLineHashes(f.bytes);
  return line >= 1 && line <= f.hashes.size() ? f.hashes[line - 1] : std::string();
}

unsigned SourceText::utf16Column(const std::string &file, unsigned line, unsigned byteColumn) {
  llvm::StringRef text = this->line(file, line);
  if (byteColumn <= 1 || text.empty())
    return byteColumn;
  size_t prefix = std::min<size_t>(byteColumn - 1, text.size());
  size_t beyond = byteColumn - 1 - prefix; // a column past the end of the line stays past it
  return static_cast<unsigned>(decodeUtf8(text.take_front(prefix)).size() + beyond + 1);
}

} // namespace flowshape
