// The shape of .flowshape.yaml, checked on the YAML node tree before the
// values are read, so that every mistake is reported as
// "file:line:col: key: what is wrong" at the node that is wrong.
#include "config/ConfigSchema.h"

#include "config/PathGlob.h"
#include "flowshape/Config.h"
#include "flowshape/Rule.h"

#include "catalog/CatalogYaml.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

#include <algorithm>
#include <functional>
#include <set>

namespace flowshape {

namespace {

using llvm::yaml::MappingNode;
using llvm::yaml::Node;
using llvm::yaml::NullNode;
using llvm::yaml::ScalarNode;
using llvm::yaml::SequenceNode;

const char *const kKeys[] = {"rules", "include", "exclude", "header-filter", "require-justification", "apis",
                             "event-names"};
const char *const kWordKeys[] = {"command-words", "query-words", "fact-words"};

std::string join(const std::vector<std::string> &items) {
  std::string out;
  for (const auto &item : items)
    out += (out.empty() ? "" : ", ") + item;
  return out;
}

class SchemaChecker {
public:
  SchemaChecker(const std::string &path, llvm::StringRef content) : path_(path) {
    sm_.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBuffer(content, path, /*RequiresNullTerminator=*/false),
                           llvm::SMLoc());
    sm_.setDiagHandler(
        [](const llvm::SMDiagnostic &d, void *self) {
          auto *checker = static_cast<SchemaChecker *>(self);
          if (checker->syntaxError_.empty())
            checker->syntaxError_ = checker->path_ + ":" + std::to_string(d.getLineNo()) + ":" +
                                    std::to_string(d.getColumnNo() + 1) + ": malformed YAML: " + d.getMessage().str();
        },
        this);
  }

  const std::set<std::string> &nullKeys() const { return nullKeys_; }

  void check() {
    // The parser is lazy: read everything once so that a syntax error is
    // reported as such, not as the wrong type of a half-read node.
    {
      llvm::yaml::Stream all(sm_.getMemoryBuffer(sm_.getMainFileID())->getMemBufferRef(), sm_);
      for (llvm::yaml::Document &doc : all)
        doc.skip();
      syntax();
    }
    llvm::yaml::Stream stream(sm_.getMemoryBuffer(sm_.getMainFileID())->getMemBufferRef(), sm_);
    size_t documents = 0;
    for (llvm::yaml::Document &doc : stream) {
      syntax();
      if (++documents > 1)
        fail(doc.getRoot(), "", "a configuration is a single YAML document");
      Node *root = doc.getRoot();
      syntax();
      if (!root || llvm::isa<NullNode>(root))
        continue;
      auto *map = llvm::dyn_cast<MappingNode>(root);
      if (!map)
        fail(root, "", "expected a mapping of keys (" + join({std::begin(kKeys), std::end(kKeys)}) + ")");
      std::set<std::string> seen;
      for (auto &kv : *map) {
        syntax();
        std::string key = keyOf(kv.getKey(), "");
        if (!seen.insert(key).second)
          fail(kv.getKey(), "", "duplicate key '" + key + "'");
        Node *value = kv.getValue();
        syntax();
        if (isNull(value) && std::find(std::begin(kKeys), std::end(kKeys), key) != std::end(kKeys)) {
          nullKeys_.insert(key);
          continue;
        }
        if (key == "rules")
          rules(value);
        else if (key == "include" || key == "exclude")
          globs(value, key);
        else if (key == "header-filter")
          regex(value, key);
        else if (key == "require-justification")
          boolean(value, key);
        else if (key == "apis")
          apis(value);
        else if (key == "event-names")
          eventNames(value);
        else
          fail(kv.getKey(), "",
               "unknown key '" + key + "' (known: " + join({std::begin(kKeys), std::end(kKeys)}) + ")");
      }
    }
    syntax();
  }

private:
  void syntax() {
    if (!syntaxError_.empty())
      throw ConfigError(syntaxError_);
  }

  [[noreturn]] void fail(Node *node, const std::string &key, const std::string &message) {
    syntax();
    std::string where = path_;
    if (node) {
      auto [line, column] = sm_.getLineAndColumn(node->getSourceRange().Start);
      where += ":" + std::to_string(line) + ":" + std::to_string(column);
    }
    throw ConfigError(where + ": " + (key.empty() ? "" : key + ": ") + message);
  }

  static const char *kindOf(Node *node) {
    if (!node)
      return "nothing";
    if (llvm::isa<ScalarNode>(node) || llvm::isa<llvm::yaml::BlockScalarNode>(node))
      return "a string";
    if (llvm::isa<SequenceNode>(node))
      return "a list";
    if (llvm::isa<MappingNode>(node))
      return "a mapping";
    return "something else";
  }

  std::string scalar(Node *node, const std::string &key, const std::string &expected) {
    auto *s = llvm::dyn_cast_or_null<ScalarNode>(node);
    if (!s)
      fail(node, key, "expected " + expected + ", not " + kindOf(node));
    llvm::SmallString<64> storage;
    return s->getValue(storage).str();
  }

  std::string keyOf(Node *node, const std::string &parent) {
    return scalar(node, parent, "a key that is a string");
  }

  bool isNull(Node *node) { return !node || llvm::isa<NullNode>(node); }

  void rules(Node *value) {
    if (isNull(value))
      return;
    auto *map = llvm::dyn_cast<MappingNode>(value);
    if (!map)
      fail(value, "rules", "expected a mapping of rule ids to off, note, warning or error, not " +
                               std::string(kindOf(value)));
    for (auto &kv : *map) {
      std::string id = keyOf(kv.getKey(), "rules");
      if (!findRule(id)) {
        std::vector<std::string> known;
        for (const auto &rule : allRules())
          known.push_back(rule->id());
        fail(kv.getKey(), "rules", "unknown rule '" + id + "' (known: " + join(known) + ")");
      }
      std::string level = scalar(kv.getValue(), "rules: " + id, "off, note, warning or error");
      if (level != "off" && !parseSeverity(level))
        fail(kv.getValue(), "rules: " + id, "level must be off, note, warning or error, not '" + level + "'");
    }
  }

  void strings(Node *value, const std::string &key, const std::string &what,
               const std::function<std::string(const std::string &)> &check) {
    if (isNull(value))
      return;
    auto *list = llvm::dyn_cast<SequenceNode>(value);
    if (!list)
      fail(value, key, "expected a list of " + what + ", e.g. [\"...\"], not " + kindOf(value));
    for (Node &item : *list) {
      std::string text = scalar(&item, key, "a string");
      if (std::string error = check ? check(text) : std::string(); !error.empty())
        fail(&item, key, error);
    }
  }

  void globs(Node *value, const std::string &key) { strings(value, key, "globs", checkPathGlob); }

  void regex(Node *value, const std::string &key) {
    if (isNull(value))
      return;
    std::string text = scalar(value, key, "a regular expression");
    if (std::string error = checkRegex(text); !error.empty())
      fail(value, key, error);
  }

  void boolean(Node *value, const std::string &key) {
    std::string text = scalar(value, key, "true or false");
    if (text != "true" && text != "false")
      fail(value, key, "expected true or false, not '" + text + "'");
  }

  void apis(Node *value) {
    if (isNull(value))
      return;
    auto *list = llvm::dyn_cast<SequenceNode>(value);
    if (!list)
      fail(value, "apis", "expected a list of catalog entries (docs/catalog.md), not " + std::string(kindOf(value)));
    for (Node &item : *list)
      if (!llvm::isa<MappingNode>(&item))
        fail(&item, "apis", "a catalog entry is a mapping (name, role, ...), not " + std::string(kindOf(&item)));
      else
        item.skip(); // the entry's own fields are checked when it is read
  }

  void eventNames(Node *value) {
    if (isNull(value))
      return;
    auto *map = llvm::dyn_cast<MappingNode>(value);
    if (!map)
      fail(value, "event-names", "expected a mapping (command-words, query-words, fact-words), not " +
                                     std::string(kindOf(value)));
    for (auto &kv : *map) {
      std::string key = keyOf(kv.getKey(), "event-names");
      if (std::find(std::begin(kWordKeys), std::end(kWordKeys), key) == std::end(kWordKeys))
        fail(kv.getKey(), "event-names", "unknown key '" + key + "' (known: command-words, query-words, fact-words)");
      strings(kv.getValue(), "event-names: " + key, "words", nullptr);
    }
  }

  std::string path_;
  llvm::SourceMgr sm_;
  std::string syntaxError_;
  std::set<std::string> nullKeys_;
};

} // namespace

std::set<std::string> checkConfigSchema(const std::string &path, llvm::StringRef content) {
  SchemaChecker checker(path, content);
  checker.check();
  return checker.nullKeys();
}

} // namespace flowshape
