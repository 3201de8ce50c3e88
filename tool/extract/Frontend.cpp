// Runs the Clang frontend on one compile command and hands the AST to the
// extractor. Bodies of functions outside the project are skipped while
// parsing (as clangd does for preambles): they are never analysed and
// parsing them is most of the cost of a TU that includes gRPC or Boost.
#include "extract/Extractor.h"
#include "extract/FunctionExtractor.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Driver/Driver.h"
#include "clang/Driver/Options.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <set>

using namespace clang;

namespace flowshape {

namespace {

class ErrorCollector : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level level, const Diagnostic &info) override {
    DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < DiagnosticsEngine::Error)
      return;
    if (info.hasSourceManager() && info.getLocation().isValid())
      locations.push_back(info.getSourceManager().getExpansionLoc(info.getLocation()));
    if (errors.size() >= 3)
      return;
    llvm::SmallString<256> message;
    info.FormatDiagnostic(message);
    std::string where;
    if (info.hasSourceManager() && info.getLocation().isValid()) {
      PresumedLoc p = info.getSourceManager().getPresumedLoc(info.getLocation());
      if (p.isValid())
        where = std::string(p.getFilename()) + ":" + std::to_string(p.getLine()) + ":" + std::to_string(p.getColumn()) + ": ";
    }
    errors.push_back(where + "error: " + std::string(message.str()));
  }
  std::vector<std::string> errors;        // the first ones, for the report
  std::vector<SourceLocation> locations; // of every error, to mark the functions they are in
};

// Records the files a TU reads, for the cache: the user files, and apart
// the system headers (a failed unit's entry depends on those too: an
// upgraded package may be what fixes it).
class IncludeRecorder : public PPCallbacks {
public:
  IncludeRecorder(const SourceManager &sm, std::set<std::string> &files, std::set<std::string> &systemFiles)
      : sm_(sm), files_(files), systemFiles_(systemFiles) {}
  void FileChanged(SourceLocation loc, FileChangeReason reason, SrcMgr::CharacteristicKind kind, FileID) override {
    if (reason != EnterFile)
      return;
    auto entry = sm_.getFileEntryRefForID(sm_.getFileID(loc));
    if (!entry)
      return;
    if (kind != SrcMgr::C_User) {
      // As opened: a system include directory is often spelled with ".."
      // through symbolic links (GCC's), which a lexical clean-up gets wrong.
      llvm::StringRef real = entry->getFileEntry().tryGetRealPathName();
      if (!real.empty()) {
        systemFiles_.insert(real.str());
        return;
      }
    }
    llvm::SmallString<256> path(entry->getName());
    sm_.getFileManager().makeAbsolutePath(path);
    (kind == SrcMgr::C_User ? files_ : systemFiles_).insert(normalizePath(std::string(path.str())));
  }

private:
  const SourceManager &sm_;
  std::set<std::string> &files_;
  std::set<std::string> &systemFiles_;
};

// The file system the compiler sees, recording every path it looks for and
// does not find: a unit that fails on a missing header fails the same way
// while none of them appears (SummaryCache keeps such failures).
class AbsentPathRecorder : public llvm::vfs::ProxyFileSystem {
public:
  explicit AbsentPathRecorder(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs) : ProxyFileSystem(std::move(fs)) {}

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &path) override {
    auto result = ProxyFileSystem::status(path);
    if (!result)
      note(path, result.getError());
    return result;
  }
  bool exists(const llvm::Twine &path) override { return static_cast<bool>(status(path)); }
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>> openFileForRead(const llvm::Twine &path) override {
    auto result = ProxyFileSystem::openFileForRead(path);
    if (!result)
      note(path, result.getError());
    return result;
  }

  std::set<std::string> absent; // absolute, as looked for

private:
  void note(const llvm::Twine &path, std::error_code error) {
    if (error != std::errc::no_such_file_or_directory && error != std::errc::not_a_directory)
      return;
    llvm::SmallString<256> full;
    path.toVector(full);
    makeAbsolute(full);
    // ".." stays: through a symbolic link (GCC's "/lib/gcc/.../../../../include"
    // with /lib a link to /usr/lib) a lexical clean-up names another path.
    llvm::sys::path::remove_dots(full, /*remove_dot_dot=*/false);
    absent.insert(std::string(full.str()));
  }
};

class ExtractConsumer : public ASTConsumer {
public:
  ExtractConsumer(const ExtractorInput &input, ExtractionResult &result, const ErrorCollector &errors)
      : input_(input), result_(result), errors_(errors) {}

  void Initialize(ASTContext &ctx) override { sm_ = &ctx.getSourceManager(); }

  bool shouldSkipFunctionBody(Decl *decl) override {
    SourceLocation loc = sm_->getExpansionLoc(decl->getLocation());
    if (loc.isInvalid() || sm_->isInSystemHeader(loc))
      return true;
    FileID fid = sm_->getFileID(loc);
    auto cached = skip_.find(fid);
    if (cached != skip_.end())
      return cached->second;
    bool skip = true;
    if (auto entry = sm_->getFileEntryRefForID(fid)) {
      llvm::SmallString<256> path(entry->getName());
      sm_->getFileManager().makeAbsolutePath(path);
      skip = !input_.project->isProjectFile(normalizePath(std::string(path.str())));
    }
    skip_[fid] = skip;
    return skip;
  }

  // A unit with errors is still summarised: Clang recovered, and the
  // functions that parsed are worth analysing (marked as partial).
  void HandleTranslationUnit(ASTContext &ctx) override {
    bool partial = errors_.getNumErrors() > 0;
    result_.partial = partial;
    summarizeTranslationUnit(ctx, input_, result_.summary, partial ? &errors_.locations : nullptr);
    if (partial)
      for (FunctionSummary &fn : result_.summary.functions)
        fn.partialUnit = result_.file;
  }

private:
  const ExtractorInput &input_;
  ExtractionResult &result_;
  const ErrorCollector &errors_;
  const SourceManager *sm_ = nullptr;
  llvm::DenseMap<FileID, bool> skip_;
};

class ExtractAction : public ASTFrontendAction {
public:
  ExtractAction(const ExtractorInput &input, ExtractionResult &result, const ErrorCollector &errors,
                std::set<std::string> &includes, std::set<std::string> &systemIncludes)
      : input_(input), result_(result), errors_(errors), includes_(includes), systemIncludes_(systemIncludes) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &ci, StringRef) override {
    ci.getFrontendOpts().SkipFunctionBodies = true;
    // A missing header is a fatal error, after which Clang stops resolving
    // calls and instantiating templates: as an error, the rest of the file
    // parses as well as it can (and its errors are still seen).
    ci.getDiagnostics().setFatalsAsError(true);
    ci.getPreprocessor().addPPCallbacks(
        std::make_unique<IncludeRecorder>(ci.getSourceManager(), includes_, systemIncludes_));
    return std::make_unique<ExtractConsumer>(input_, result_, errors_);
  }

private:
  const ExtractorInput &input_;
  ExtractionResult &result_;
  const ErrorCollector &errors_;
  std::set<std::string> &includes_;
  std::set<std::string> &systemIncludes_;
};

// Drops arguments the Clang driver does not know, as clangd does.
std::vector<std::string> dropUnknownFlags(const std::vector<std::string> &args) {
  if (args.size() < 2)
    return args;
  std::vector<const char *> argv;
  for (size_t i = 1; i < args.size(); ++i)
    argv.push_back(args[i].c_str());
  unsigned missingIndex = 0, missingCount = 0;
  const llvm::opt::OptTable &table = driver::getDriverOptTable();
  llvm::opt::InputArgList parsed =
      table.ParseArgs(argv, missingIndex, missingCount, llvm::opt::Visibility(driver::options::ClangOption));
  std::set<unsigned> unknown;
  for (const llvm::opt::Arg *arg : parsed.filtered(driver::options::OPT_UNKNOWN))
    unknown.insert(arg->getIndex() + 1);
  std::vector<std::string> out;
  for (size_t i = 0; i < args.size(); ++i)
    if (!unknown.count(i))
      out.push_back(args[i]);
  return out;
}

} // namespace

std::vector<std::string> adjustArguments(const CompileCommand &command) {
  tooling::CommandLineArguments args = command.arguments;
  if (args.empty())
    args.push_back("clang++");
  args = tooling::getClangStripOutputAdjuster()(args, command.file);
  args = tooling::getClangStripDependencyFileAdjuster()(args, command.file);
  args = tooling::getClangSyntaxOnlyAdjuster()(args, command.file);
  args = dropUnknownFlags(args);
  // Clang's builtin headers come from the resource directory of the Clang
  // flowshape is built with, whatever the compile database says.
  tooling::CommandLineArguments out;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-resource-dir") {
      ++i;
      continue;
    }
    if (llvm::StringRef(args[i]).starts_with("-resource-dir="))
      continue;
    out.push_back(args[i]);
    if (i == 0) {
      out.push_back(std::string("-resource-dir=") + FLOWSHAPE_RESOURCE_DIR);
      out.push_back("-w");
      // No limit on errors: past the limit Clang stops resolving and the rest
      // of a partial unit would be lost (see ExtractAction).
      out.push_back("-ferror-limit=0");
      // C that GCC 12 compiles with warnings and Clang 16+ rejects by
      // default (calls to undeclared functions in C99, implicit int): the
      // code builds where it comes from, so analyse it.
      for (const char *lenient : {"-Wno-error=implicit-function-declaration", "-Wno-error=implicit-int",
                                  "-Wno-error=int-conversion", "-Wno-error=incompatible-function-pointer-types"})
        out.push_back(lenient);
      out.push_back("-fno-caret-diagnostics"); // errors are collected and reported by flowshape
    }
  }
  return out;
}

ExtractionResult extractTranslationUnit(const CompileCommand &command, const ExtractorInput &input) {
  ExtractionResult result;
  result.file = command.file;
  result.summary.mainFile = command.file;

  // A physical file system with its own working directory: compile commands
  // have relative paths, and a process-wide chdir would race between threads.
  llvm::IntrusiveRefCntPtr<AbsentPathRecorder> fs(new AbsentPathRecorder(llvm::vfs::createPhysicalFileSystem()));
  fs->setCurrentWorkingDirectory(command.directory);
  FileSystemOptions fsOptions;
  fsOptions.WorkingDir = command.directory;
  llvm::IntrusiveRefCntPtr<FileManager> files(new FileManager(fsOptions, fs));

  ErrorCollector errors;
  std::set<std::string> includes, systemIncludes;
  auto action = std::make_unique<ExtractAction>(input, result, errors, includes, systemIncludes);
  tooling::ToolInvocation invocation(adjustArguments(command), std::move(action), files.get(),
                                     std::make_shared<PCHContainerOperations>());
  invocation.setDiagnosticConsumer(&errors);
  bool ran = invocation.run();
  result.errors = errors.errors;
  result.ok = ran && errors.getNumErrors() == 0;
  // Clang reported errors but recovered (the consumer ran): what parsed is
  // kept, marked as partial.
  result.partial = result.partial && !result.ok;
  if (!result.ok && result.errors.empty())
    result.errors.push_back(command.file + ": error: the compiler could not run this command");
  if (!result.ok && !result.partial) {
    result.summary.functions.clear();
    result.summary.facts.clear();
  }
  // A successful unit's entry checks the project's files only (hashing every
  // system header of a gRPC or Boost unit on each run would cost more than
  // it saves); a failure checks the system headers it read too.
  if (!result.ok) {
    includes.insert(systemIncludes.begin(), systemIncludes.end());
    result.absent.assign(fs->absent.begin(), fs->absent.end());
  }
  result.summary.includes.assign(includes.begin(), includes.end());
  result.cacheable = true;
  return result;
}

} // namespace flowshape
