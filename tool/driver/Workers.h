// Translation units are parsed in worker processes: the flowshape binary
// re-executed as `flowshape --extract-worker SESSION`, one per job, each
// parsing unit after unit (requests and results are JSON lines through two
// FIFOs). A unit that
// crashes Clang (a stack overflow on deeply nested code), runs past
// --tu-timeout or allocates past --tu-memory then fails alone and is
// reported (exit 3); the other units are analysed. See docs/architecture.md
// ("Worker processes") for the design and its cost.
#pragma once

#include "extract/Extractor.h"

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace flowshape {

struct WorkerLimits {
  unsigned timeoutSeconds = 0; // wall-clock time per unit; 0: none
  unsigned memoryMB = 0;       // data segment (heap) per unit; 0: none
};

// What every worker of one run needs besides its command: how to rebuild
// the project filter and find each file's config, exactly as in-process.
struct WorkerSession {
  std::string root;
  std::string configFile; // --config, or empty
  std::vector<std::string> excludes;
  std::string headerFilter;
  std::set<std::string> mainFiles;
};

class ExtractionWorkers {
public:
  // Writes the session file; workers start on demand. The destructor ends
  // the workers and removes the files. Workers die with this process
  // (PR_SET_PDEATHSIG), an interrupt included.
  ExtractionWorkers(std::string executable, const WorkerSession &session, WorkerLimits limits);
  ~ExtractionWorkers();
  ExtractionWorkers(const ExtractionWorkers &) = delete;
  ExtractionWorkers &operator=(const ExtractionWorkers &) = delete;

  // Parses one unit in an idle worker (started if there is none).
  // Thread-safe. A worker that crashes or is stopped yields a failed result
  // saying why, and is replaced.
  ExtractionResult extract(const CompileCommand &command);

private:
  struct Worker;
  std::unique_ptr<Worker> start(std::string &error);

  std::string executable_;
  std::string directory_; // session file, FIFOs
  std::string sessionFile_;
  WorkerLimits limits_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Worker>> idle_;
  unsigned started_ = 0;
};

// The worker's side: `flowshape --extract-worker SESSION`. Reads one JSON
// request a line on stdin, writes one JSON result a line on stdout, until
// end of input. Returns the process exit code.
// Caps this process's data segment at `mb` megabytes (0: no cap) as a soft
// limit, so that running out of memory in the link is a std::bad_alloc it
// reports, not the kernel's OOM killer; workers set their own (--tu-memory).
// Does nothing under AddressSanitizer, whose shadow memory the cap counts.
void limitProcessMemory(unsigned mb);

int runExtractWorker(const std::string &sessionFile);

} // namespace flowshape
