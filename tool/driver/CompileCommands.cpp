#include "driver/CompileCommands.h"

#include "extract/Extractor.h"
#include "flowshape/Project.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/StringSaver.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace flowshape {

namespace {

// compile_commands.json is read with LLVM's YAML parser (JSON is a subset of
// its flow style, and Clang's own database reader does the same) because it
// keeps the position of every node for error messages.
class DatabaseReader {
public:
  DatabaseReader(std::string path, llvm::StringRef text) : path_(std::move(path)) {
    buffer_ = llvm::MemoryBuffer::getMemBufferCopy(text, path_);
    sm_.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBuffer(buffer_->getMemBufferRef()), llvm::SMLoc());
    sm_.setDiagHandler(
        [](const llvm::SMDiagnostic &d, void *self) {
          auto *reader = static_cast<DatabaseReader *>(self);
          if (reader->syntaxError_.empty())
            reader->syntaxError_ = reader->path_ + ":" + std::to_string(d.getLineNo()) + ":" +
                                   std::to_string(d.getColumnNo() + 1) + ": malformed JSON: " + d.getMessage().str();
        },
        this);
  }

  std::vector<CompileCommand> read() {
    llvm::yaml::Stream stream(buffer_->getMemBufferRef(), sm_);
    auto doc = stream.begin();
    if (doc == stream.end())
      fail(nullptr, "empty compilation database");
    llvm::yaml::Node *root = doc->getRoot();
    checkSyntax();
    auto *array = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(root);
    if (!array)
      fail(root, "expected a JSON array of compile commands");
    std::vector<CompileCommand> out;
    size_t index = 0;
    for (llvm::yaml::Node &item : *array) {
      checkSyntax();
      ++index;
      out.push_back(entry(item, index));
    }
    checkSyntax();
    return out;
  }

private:
  CompileCommand entry(llvm::yaml::Node &node, size_t index) {
    auto *object = llvm::dyn_cast<llvm::yaml::MappingNode>(&node);
    if (!object)
      fail(&node, "entry " + std::to_string(index) + " is not an object");
    CompileCommand command;
    std::string file, directory, commandLine;
    bool haveArguments = false, haveCommand = false;
    for (llvm::yaml::KeyValueNode &kv : *object) {
      checkSyntax();
      auto *keyNode = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(kv.getKey());
      if (!keyNode)
        fail(kv.getKey(), "entry " + std::to_string(index) + " has a key that is not a string");
      llvm::SmallString<32> keyStorage;
      std::string key = keyNode->getValue(keyStorage).str();
      llvm::yaml::Node *value = kv.getValue();
      checkSyntax(); // the parser gives no value after a syntax error
      if (!value)
        fail(keyNode, "entry " + std::to_string(index) + ": \"" + key + "\" has no value");
      if (key == "arguments") {
        auto *list = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(value);
        if (!list)
          fail(value, "entry " + std::to_string(index) + ": \"arguments\" must be an array of strings");
        for (llvm::yaml::Node &arg : *list)
          command.arguments.push_back(scalar(&arg, index, "arguments"));
        haveArguments = true;
      } else if (key == "command") {
        commandLine = scalar(value, index, key);
        haveCommand = true;
      } else if (key == "file") {
        file = scalar(value, index, key);
      } else if (key == "directory") {
        directory = scalar(value, index, key);
      } else {
        value->skip();
      }
    }
    if (directory.empty())
      fail(&node, "entry " + std::to_string(index) + " has no \"directory\"");
    if (file.empty())
      fail(&node, "entry " + std::to_string(index) + " has no \"file\"");
    if (!haveArguments && !haveCommand)
      fail(&node, "entry " + std::to_string(index) + " has neither \"arguments\" nor \"command\"");
    if (!haveArguments) {
      llvm::BumpPtrAllocator allocator;
      llvm::StringSaver saver(allocator);
      llvm::SmallVector<const char *, 64> argv;
      llvm::cl::TokenizeGNUCommandLine(commandLine, saver, argv);
      for (const char *arg : argv)
        command.arguments.emplace_back(arg);
    }
    if (command.arguments.empty())
      fail(&node, "entry " + std::to_string(index) + " has an empty command");
    command.directory = normalizePath(directory);
    command.file = normalizePath(file, command.directory);
    // A command that compiles another file than its "file" (a generator's
    // bug, a hand edit) is run as written: say so.
    std::vector<std::string> inputs = compiledInputs(command.arguments);
    if (!inputs.empty() && std::none_of(inputs.begin(), inputs.end(), [&](const std::string &input) {
          return normalizePath(input, command.directory) == command.file;
        }))
      llvm::errs() << "flowshape: warning: " << location(&node) << ": entry " << index << " compiles " << inputs.front()
                   << ", not its \"file\" " << file << ": the command is analysed as written\n";
    return command;
  }

  std::string scalar(llvm::yaml::Node *node, size_t index, const std::string &key) {
    auto *s = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(node);
    if (!s)
      fail(node, "entry " + std::to_string(index) + ": \"" + key + "\" must be a string");
    llvm::SmallString<128> storage;
    return s->getValue(storage).str();
  }

  void checkSyntax() {
    if (!syntaxError_.empty())
      throw InputError(syntaxError_);
  }

  std::string location(llvm::yaml::Node *node) {
    std::string where = path_;
    if (node) {
      auto [line, column] = sm_.getLineAndColumn(node->getSourceRange().Start);
      where += ":" + std::to_string(line) + ":" + std::to_string(column);
    }
    return where;
  }

  [[noreturn]] void fail(llvm::yaml::Node *node, const std::string &message) {
    checkSyntax();
    throw InputError(location(node) + ": " + message);
  }

  std::string path_;
  std::unique_ptr<llvm::MemoryBuffer> buffer_;
  llvm::SourceMgr sm_;
  std::string syntaxError_;
};

} // namespace

std::vector<CompileCommand> loadCompileCommands(const std::string &buildDirOrFile) {
  llvm::SmallString<256> path(buildDirOrFile);
  // A build directory that does not exist yet is still named as one.
  if (llvm::sys::fs::is_directory(path) || llvm::sys::path::extension(path) != ".json")
    llvm::sys::path::append(path, "compile_commands.json");
  std::string name(path.str());
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    throw InputError(name + ": cannot read compilation database: " + buffer.getError().message() +
                     " (generate it with cmake -DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or bear)");
  return parseCompileCommands(name, (*buffer)->getBuffer());
}

std::vector<CompileCommand> parseCompileCommands(const std::string &name, llvm::StringRef text) {
  std::vector<CompileCommand> commands = DatabaseReader(name, text).read();
  if (commands.empty())
    throw InputError(name + ": the compilation database has no entries");
  // A file compiled by several entries (two targets, two configurations) is
  // analysed once, with the entry whose arguments (then directory) sort
  // first: the same choice whatever the database's order.
  std::map<std::string, size_t> chosen; // file -> index in `unique`
  std::vector<CompileCommand> unique;
  for (CompileCommand &command : commands) {
    auto [it, inserted] = chosen.emplace(command.file, unique.size());
    CompileCommand &kept = unique.size() > it->second ? unique[it->second] : command;
    if (inserted)
      unique.push_back(std::move(command));
    else if (std::tie(command.arguments, command.directory) < std::tie(kept.arguments, kept.directory))
      kept = std::move(command);
  }
  return unique;
}

std::vector<CompileCommand> selectCommands(const std::vector<CompileCommand> &all, const std::vector<std::string> &files,
                                           const std::string &databaseName) {
  std::vector<CompileCommand> out;
  std::set<std::string> seen;
  if (files.empty()) {
    for (const auto &command : all)
      if (seen.insert(command.file).second)
        out.push_back(command);
    return out;
  }
  for (const auto &file : files) {
    std::string path = normalizePath(file);
    auto it = std::find_if(all.begin(), all.end(), [&](const CompileCommand &c) { return c.file == path; });
    if (it == all.end())
      throw InputError(file + ": not in " + databaseName + " (no compile command for this file)");
    if (seen.insert(path).second)
      out.push_back(*it);
  }
  return out;
}

std::vector<CompileCommand> fixedCommands(const std::vector<std::string> &files, const std::vector<std::string> &flags) {
  std::vector<CompileCommand> out;
  llvm::SmallString<256> cwd;
  llvm::sys::fs::current_path(cwd);
  for (const auto &file : files) {
    CompileCommand command;
    command.directory = std::string(cwd.str());
    command.file = normalizePath(file);
    if (!llvm::sys::fs::exists(command.file))
      throw InputError(file + ": no such file");
    bool isC = llvm::sys::path::extension(command.file) == ".c";
    command.arguments.push_back(isC ? "clang" : "clang++");
    command.arguments.insert(command.arguments.end(), flags.begin(), flags.end());
    command.arguments.push_back(command.file);
    out.push_back(std::move(command));
  }
  return out;
}

} // namespace flowshape
