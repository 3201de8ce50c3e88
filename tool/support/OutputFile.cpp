#include "support/OutputFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Signals.h"

namespace flowshape {

namespace {

// Closes `os` and returns its error, cleared (raw_fd_ostream aborts the
// process on destruction with an unchecked error).
std::string closeStream(llvm::raw_fd_ostream &os) {
  os.close();
  if (!os.has_error())
    return {};
  std::string message = os.error().message();
  os.clear_error();
  return message;
}

} // namespace

std::string writeOutputFile(const std::string &path, const std::function<void(llvm::raw_ostream &)> &write) {
  llvm::sys::fs::file_status status;
  if (!llvm::sys::fs::status(path, status) && llvm::sys::fs::exists(status) &&
      status.type() != llvm::sys::fs::file_type::regular_file) {
    std::error_code error;
    llvm::raw_fd_ostream os(path, error, llvm::sys::fs::OF_None);
    if (error)
      return path + ": cannot write: " + error.message();
    write(os);
    std::string message = closeStream(os);
    return message.empty() ? message : path + ": cannot write: " + message;
  }
  int fd = -1;
  llvm::SmallString<256> temp;
  if (std::error_code error = llvm::sys::fs::createUniqueFile(path + ".tmp-%%%%%%%%", fd, temp))
    return path + ": cannot write: " + error.message();
  llvm::sys::RemoveFileOnSignal(temp); // an interrupt leaves no partial file
  std::string message;
  {
    llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
    write(os);
    message = closeStream(os);
  }
  if (message.empty())
    if (std::error_code error = llvm::sys::fs::rename(temp, path))
      message = error.message();
  if (!message.empty())
    llvm::sys::fs::remove(temp);
  llvm::sys::DontRemoveFileOnSignal(temp);
  return message.empty() ? message : path + ": cannot write: " + message;
}

std::string flushStandardOutput() {
  llvm::raw_fd_ostream &out = llvm::outs();
  out.flush();
  if (!out.has_error())
    return {};
  std::string message = out.error().message();
  out.clear_error();
  return "standard output: cannot write: " + message;
}

} // namespace flowshape
