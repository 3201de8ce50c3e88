#include "driver/Workers.h"

#include "driver/CompileCommands.h"
#include "flowshape/Config.h"
#include "summary/SummaryJson.h"
#include "support/JsonText.h"

#include <nlohmann/json.hpp>

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <iostream>
#include <new>

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#if defined(__SANITIZE_ADDRESS__)
#define FLOWSHAPE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FLOWSHAPE_ASAN 1
#endif
#endif
#ifdef FLOWSHAPE_ASAN
#include <sanitizer/allocator_interface.h>
#include <thread>
#endif

namespace flowshape {

using nlohmann::json;

namespace {

// A worker that runs out of memory exits with this code (it cannot write a
// result: allocating fails).
constexpr int kOutOfMemoryExit = 87;

[[noreturn]] void outOfMemory() {
  static const char message[] = "flowshape worker: out of memory\n";
  (void)!::write(2, message, sizeof message - 1);
  ::_exit(kOutOfMemoryExit);
}

void outOfMemoryHandler(void *, const char *, bool) { outOfMemory(); }

// --tu-memory: the data segment (heap and anonymous mappings) of this
// process. Under AddressSanitizer (scripts/test.sh --sanitize) RLIMIT_DATA
// cannot be used: the shadow memory ASan maps at start-up, terabytes of
// address space, counts against it, so every later allocation would fail.
// There a thread watches the bytes ASan's allocator holds instead (which
// covers Clang's allocations too: they go through the same malloc).
void limitMemory(unsigned memoryMB) {
  size_t bytes = static_cast<size_t>(memoryMB) * 1024 * 1024;
#ifdef FLOWSHAPE_ASAN
  std::thread([bytes] {
    for (;;) {
      if (__sanitizer_get_current_allocated_bytes() > bytes)
        outOfMemory();
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }).detach();
#else
  rlimit limit{};
  limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(bytes);
  ::setrlimit(RLIMIT_DATA, &limit);
#endif
}

json readJson(const std::string &path) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    throw std::runtime_error(path + ": " + buffer.getError().message());
  return json::parse((*buffer)->getBuffer().begin(), (*buffer)->getBuffer().end());
}

bool writeText(const std::string &path, const std::string &text) {
  std::error_code error;
  llvm::raw_fd_ostream os(path, error, llvm::sys::fs::OF_None);
  if (error)
    return false;
  os << text;
  os.close();
  bool ok = !os.has_error();
  os.clear_error();
  return ok;
}

// A FIFO with a fresh name in the temporary directory.
std::string makeFifo(const char *suffix, std::string &error) {
  for (int attempt = 0; attempt < 16; ++attempt) {
    llvm::SmallString<128> path;
    llvm::sys::fs::getPotentiallyUniqueTempFileName("flowshape-worker", suffix, path);
    if (::mkfifo(path.c_str(), 0600) == 0)
      return std::string(path.str());
    if (errno != EEXIST)
      break;
  }
  error = std::string("cannot create a FIFO: ") + std::strerror(errno);
  return {};
}

// Writes all of `text`; false when the worker is gone. SIGPIPE is blocked in
// this thread meanwhile, and a pending one consumed: a dead worker must not
// kill the run.
bool writeAll(int fd, llvm::StringRef text) {
  sigset_t pipe, old;
  sigemptyset(&pipe);
  sigaddset(&pipe, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe, &old);
  bool ok = true;
  while (!text.empty()) {
    ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      ok = false;
      break;
    }
    text = text.drop_front(static_cast<size_t>(n));
  }
  if (!ok) {
    timespec zero{0, 0};
    sigtimedwait(&pipe, nullptr, &zero);
  }
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return ok;
}

} // namespace

struct ExtractionWorkers::Worker {
  llvm::sys::ProcessInfo process;
  int toWorker = -1;   // its standard input
  int fromWorker = -1; // its standard output
  std::string pending; // bytes read past the last result

  // How it ended (after end of output, or killed): waits for it.
  llvm::sys::ProcessInfo finish(bool kill, std::string &message) {
    closeFiles();
    if (kill)
      ::kill(process.Pid, SIGKILL);
    llvm::sys::ProcessInfo done = llvm::sys::Wait(process, std::nullopt, &message);
    process.Pid = llvm::sys::ProcessInfo::InvalidPid;
    return done;
  }
  void closeFiles() {
    if (toWorker >= 0)
      ::close(toWorker);
    if (fromWorker >= 0)
      ::close(fromWorker);
    toWorker = fromWorker = -1;
  }
  ~Worker() {
    if (process.Pid != llvm::sys::ProcessInfo::InvalidPid) {
      std::string ignored;
      finish(/*kill=*/false, ignored); // end of input: it exits
    }
  }
};

ExtractionWorkers::ExtractionWorkers(std::string executable, const WorkerSession &session, WorkerLimits limits)
    : executable_(std::move(executable)), limits_(limits) {
  json data = {{"root", session.root},
               {"configFile", session.configFile},
               {"excludes", session.excludes},
               {"headerFilter", session.headerFilter},
               // Only a header filter reads them: spare each worker the list.
               {"mainFiles", session.headerFilter.empty() ? std::set<std::string>() : session.mainFiles},
               {"memoryMB", limits.memoryMB}};
  llvm::SmallString<128> path;
  if (std::error_code error = llvm::sys::fs::createTemporaryFile("flowshape-session", "json", path))
    throw InputError("cannot create a temporary file for the workers: " + error.message());
  sessionFile_ = std::string(path.str());
  llvm::sys::RemoveFileOnSignal(sessionFile_);
  if (!writeText(sessionFile_, jsonText(data)))
    throw InputError(sessionFile_ + ": cannot write the workers' session file");
}

ExtractionWorkers::~ExtractionWorkers() {
  idle_.clear(); // each worker sees the end of its input and exits
  llvm::sys::fs::remove(sessionFile_);
  llvm::sys::DontRemoveFileOnSignal(sessionFile_);
}

std::unique_ptr<ExtractionWorkers::Worker> ExtractionWorkers::start(std::string &error) {
  std::string in = makeFifo("in", error);
  std::string out = in.empty() ? std::string() : makeFifo("out", error);
  std::unique_ptr<Worker> worker;
  if (!out.empty()) {
    // posix_spawn() suspends this process until the worker runs, and the
    // worker opens its stdin and stdout first: each FIFO needs its other
    // end open here already (O_RDWR never blocks), or both wait forever.
    // O_CLOEXEC: later workers must not inherit these ends.
    int inHold = ::open(in.c_str(), O_RDWR | O_CLOEXEC);
    int outHold = ::open(out.c_str(), O_RDWR | O_CLOEXEC);
    llvm::SmallVector<llvm::StringRef, 3> args{executable_, "--extract-worker", sessionFile_};
    // Its stderr is dropped: what goes wrong is reported from its exit status.
    std::optional<llvm::StringRef> redirects[] = {llvm::StringRef(in), llvm::StringRef(out), llvm::StringRef()};
    std::string message;
    bool failed = inHold < 0 || outHold < 0;
    llvm::sys::ProcessInfo process;
    // No MemoryLimit here: it would make LLVM fork() this (large) process
    // instead of posix_spawn(); the worker limits itself.
    if (!failed)
      process = llvm::sys::ExecuteNoWait(executable_, args, std::nullopt, redirects, 0, &message, &failed);
    if (failed || process.Pid == llvm::sys::ProcessInfo::InvalidPid) {
      error = "cannot start a flowshape worker (" + executable_ + "): " + (message.empty() ? std::strerror(errno) : message);
    } else {
      worker = std::make_unique<Worker>();
      worker->process = process;
      // Then one direction each, so that the worker's end of output (it
      // died) is seen here, and a write to a dead worker fails.
      worker->toWorker = ::open(in.c_str(), O_WRONLY | O_CLOEXEC);
      worker->fromWorker = ::open(out.c_str(), O_RDONLY | O_CLOEXEC);
      if (worker->toWorker < 0 || worker->fromWorker < 0) {
        error = std::string("cannot talk to a flowshape worker: ") + std::strerror(errno);
        std::string ignored;
        worker->finish(/*kill=*/true, ignored);
        worker.reset();
      }
    }
    for (int fd : {inHold, outHold})
      if (fd >= 0)
        ::close(fd);
  }
  // Open ends keep working without a name. (llvm::sys::fs::remove refuses
  // anything but regular files, directories and links.)
  for (const std::string &fifo : {in, out})
    if (!fifo.empty())
      ::unlink(fifo.c_str());
  return worker;
}

ExtractionResult ExtractionWorkers::extract(const CompileCommand &command) {
  ExtractionResult failed;
  failed.file = command.file;
  failed.summary.mainFile = command.file;
  auto fail = [&](const std::string &why) {
    failed.errors = {command.file + ": error: " + why};
    return failed;
  };
  std::unique_ptr<Worker> worker;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      worker = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (!worker) {
    std::string error;
    worker = start(error);
    if (!worker)
      return fail(error);
  }
  json request = {{"file", command.file}, {"directory", command.directory}, {"arguments", command.arguments}};
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limits_.timeoutSeconds);
  bool sent = writeAll(worker->toWorker, jsonText(request) + "\n");
  // Read one line: the result. End of output means the worker died.
  bool timedOut = false, ended = !sent;
  size_t newline = std::string::npos;
  while (!ended && (newline = worker->pending.find('\n')) == std::string::npos) {
    int wait = -1;
    if (limits_.timeoutSeconds) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) {
        timedOut = true;
        break;
      }
      wait = static_cast<int>(std::min<long long>(left.count(), 1000 * 1000));
    }
    pollfd poll{worker->fromWorker, POLLIN, 0};
    int ready = ::poll(&poll, 1, wait);
    if (ready < 0 && errno == EINTR)
      continue;
    if (ready == 0)
      continue; // the deadline is checked above
    char buffer[65536];
    ssize_t n = ::read(worker->fromWorker, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      ended = true;
    else
      worker->pending.append(buffer, static_cast<size_t>(n));
  }
  if (timedOut || ended) {
    std::string message;
    llvm::sys::ProcessInfo done = worker->finish(/*kill=*/timedOut, message);
    if (timedOut)
      return fail("stopped after " + std::to_string(limits_.timeoutSeconds) + " s (the limit of --tu-timeout)");
    if (done.ReturnCode == kOutOfMemoryExit)
      return fail("stopped: it needs more than " + std::to_string(limits_.memoryMB) +
                  " MB of memory (the limit of --tu-memory)");
    if (done.ReturnCode == -2) { // killed by a signal: Clang crashed
      llvm::StringRef signal = llvm::StringRef(message).split(" (core dumped)").first;
      return fail("the compiler crashed on this translation unit (" + signal.str() + ")");
    }
    return fail("the flowshape worker ended without a result (exit " + std::to_string(done.ReturnCode) + ")");
  }
  std::string line = worker->pending.substr(0, newline);
  worker->pending.erase(0, newline + 1);
  try {
    json out = json::parse(line);
    ExtractionResult extracted;
    extracted.file = command.file;
    extracted.ok = out.at("ok").get<bool>();
    extracted.partial = out.value("partial", false);
    extracted.errors = out.at("errors").get<std::vector<std::string>>();
    extracted.summary = summaryFromJson(out.at("summary"));
    extracted.cacheable = out.value("cacheable", false);
    extracted.absent = out.value("absent", std::vector<std::string>());
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(worker));
    return extracted;
  } catch (const std::exception &e) {
    std::string ignored;
    worker->finish(/*kill=*/true, ignored);
    return fail(std::string("the flowshape worker gave no readable result: ") + e.what());
  }
}

void limitProcessMemory(unsigned mb) {
#if defined(__linux__) && !defined(FLOWSHAPE_ASAN)
  rlimit limit{};
  if (mb == 0 || ::getrlimit(RLIMIT_DATA, &limit) != 0)
    return;
  rlim_t wanted = static_cast<rlim_t>(mb) * 1024 * 1024;
  if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < wanted)
    return; // a tighter cap is already set from outside
  limit.rlim_cur = wanted; // soft: a worker may raise its own
  ::setrlimit(RLIMIT_DATA, &limit);
#else
  (void)mb;
#endif
}

int runExtractWorker(const std::string &sessionFile) {
#ifdef __linux__
  // Die with the flowshape that started us, whatever kills it.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() == 1)
    return 2;
#endif
  std::set_new_handler(outOfMemory);
  llvm::install_bad_alloc_error_handler(outOfMemoryHandler);
  try {
    json session = readJson(sessionFile);
    if (unsigned memoryMB = session.at("memoryMB").get<unsigned>()) {
      limitMemory(memoryMB);
    } else {
      // No cap of its own: not the one flowshape inherited (--link-memory).
      rlimit limit{};
      if (::getrlimit(RLIMIT_DATA, &limit) == 0) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_DATA, &limit);
      }
    }
    ProjectFilter project(session.at("root").get<std::string>(),
                          session.at("excludes").get<std::vector<std::string>>());
    project.setHeaderFilter(session.at("headerFilter").get<std::string>(),
                            session.at("mainFiles").get<std::set<std::string>>());
    ConfigResolver configs(session.at("configFile").get<std::string>());
    std::ios::sync_with_stdio(false);
    std::string line;
    while (std::getline(std::cin, line)) {
      json request = json::parse(line);
      CompileCommand command;
      command.file = request.at("file").get<std::string>();
      command.directory = request.at("directory").get<std::string>();
      command.arguments = request.at("arguments").get<std::vector<std::string>>();
      std::shared_ptr<const Config> config = configs.forFile(command.file);
      ExtractorInput input;
      input.catalog = &Catalog::builtin();
      input.extraCatalog = config->apis.get();
      input.project = &project;
      ExtractionResult result = extractTranslationUnit(command, input);
      json out = {{"ok", result.ok},
                  {"partial", result.partial},
                  {"errors", result.errors},
                  {"summary", summaryToJson(result.summary)},
                  {"cacheable", result.cacheable},
                  {"absent", result.absent}};
      llvm::outs() << jsonText(out) << "\n";
      llvm::outs().flush();
      if (llvm::outs().has_error()) {
        llvm::outs().clear_error();
        return 2;
      }
    }
    return 0;
  } catch (const std::exception &e) {
    llvm::errs() << "flowshape worker: " << e.what() << "\n";
    return 2;
  }
}

} // namespace flowshape
