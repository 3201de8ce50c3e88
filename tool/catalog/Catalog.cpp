#include "flowshape/Catalog.h"
#include "flowshape/Embedded.h"
#include "flowshape/Hash.h"

#include "catalog/CatalogYaml.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

namespace {
struct CatalogFile {
  std::string library;
  std::string description;
  std::vector<flowshape::ApiEntry> apis;
};
} // namespace

namespace llvm {
namespace yaml {
template <> struct MappingTraits<CatalogFile> {
  static void mapping(IO &io, CatalogFile &f) {
    io.mapRequired("library", f.library);
    io.mapRequired("description", f.description);
    io.mapRequired("apis", f.apis);
  }
};
} // namespace yaml
} // namespace llvm

namespace flowshape {

void Catalog::load(const std::string &fileName, const std::string &content) {
  auto buffer = llvm::MemoryBuffer::getMemBuffer(content, fileName, /*RequiresNullTerminator=*/false);
  YamlContext context{buffer->getBufferStart(), fileName};
  YamlDiagnostic diag;
  CatalogFile file;
  llvm::yaml::Input input(buffer->getMemBufferRef(), &context, YamlDiagnostic::handler, &diag);
  input >> file;
  if (input.error())
    throw CatalogError(diag.message.empty() ? fileName + ": malformed catalog" : diag.message);
  if (file.apis.empty())
    throw CatalogError(fileName + ":1:1: catalog '" + file.library + "' has no entries");
  libraries_.emplace_back(file.library, file.description);
  for (auto &entry : file.apis) {
    entry.library = file.library;
    add(std::make_shared<ApiEntry>(std::move(entry)));
  }
  sources_ += fileName + "\n" + content + "\n";
}

void Catalog::add(std::shared_ptr<ApiEntry> entry) {
  const ApiEntry *e = entry.get();
  entries_.push_back(std::move(entry));
  if (!e->nameRegex.empty())
    regexCalls_.push_back(e);
  else if (e->kind == "field")
    fields_[e->name].push_back(e);
  else if (e->kind == "override")
    overrides_[e->name].push_back(e);
  else
    calls_[e->name].push_back(e);
  sources_ += e->library + ":" + e->name + e->nameRegex + ":" + roleName(e->role) + "\n";
}

const Catalog &Catalog::builtin() {
  static const Catalog catalog = [] {
    Catalog c;
    for (const auto &file : embeddedCatalogs())
      c.load("rules/catalog/" + std::string(file.name), std::string(file.content));
    return c;
  }();
  return catalog;
}

namespace {

bool signatureMatches(const ApiEntry &e, const std::string &returnType, const std::vector<std::string> &paramTypes) {
  if (e.arity >= 0 && static_cast<size_t>(e.arity) != paramTypes.size())
    return false;
  if (!e.returnType.empty() && !llvm::Regex(e.returnType).match(returnType))
    return false;
  if (!e.params.empty()) {
    std::string joined;
    for (const std::string &p : paramTypes)
      joined += (joined.empty() ? "" : ", ") + p;
    if (!llvm::Regex(e.params).match(joined))
      return false;
  }
  if (!e.paramType.empty()) {
    llvm::Regex param(e.paramType);
    if (std::none_of(paramTypes.begin(), paramTypes.end(), [&](const std::string &p) { return param.match(p); }))
      return false;
  }
  return true;
}

} // namespace

std::vector<const ApiEntry *> Catalog::lookupCall(const std::vector<std::string> &names, const std::string &returnType,
                                                  const std::vector<std::string> &paramTypes) const {
  std::vector<const ApiEntry *> found;
  for (const auto &name : names) {
    auto it = calls_.find(name);
    if (it == calls_.end())
      continue;
    for (const ApiEntry *e : it->second)
      if (signatureMatches(*e, returnType, paramTypes))
        found.push_back(e);
    if (!found.empty())
      return found;
  }
  if (names.empty())
    return found;
  for (const ApiEntry *e : regexCalls_)
    if (llvm::Regex(e->nameRegex).match(names.front()) && signatureMatches(*e, returnType, paramTypes))
      found.push_back(e);
  return found;
}

std::vector<const ApiEntry *> Catalog::lookupField(const std::string &name) const {
  auto it = fields_.find(name);
  return it == fields_.end() ? std::vector<const ApiEntry *>{} : it->second;
}

std::vector<const ApiEntry *> Catalog::lookupOverride(const std::string &name) const {
  auto it = overrides_.find(name);
  return it == overrides_.end() ? std::vector<const ApiEntry *>{} : it->second;
}

const ApiEntry *Catalog::byName(const std::string &name) const {
  auto it = calls_.find(name);
  return it == calls_.end() || it->second.empty() ? nullptr : it->second.front();
}

std::string Catalog::digest() const { return sha256Hex(sources_); }

} // namespace flowshape
