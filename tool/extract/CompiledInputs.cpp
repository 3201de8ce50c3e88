// compiledInputs (Extractor.h): the Clang driver's own parse of a command
// line, in a file of its own so that the loaders (and their fuzz targets)
// need the driver's option table and not Clang's AST.
#include "extract/Extractor.h"

#include "clang/Driver/Driver.h"
#include "clang/Driver/Options.h"
#include "llvm/Option/ArgList.h"

namespace flowshape {

std::vector<std::string> compiledInputs(const std::vector<std::string> &arguments) {
  namespace driver = clang::driver;
  std::vector<std::string> out;
  if (arguments.size() < 2)
    return out;
  std::vector<const char *> argv;
  for (size_t i = 1; i < arguments.size(); ++i)
    argv.push_back(arguments[i].c_str());
  unsigned missingIndex = 0, missingCount = 0;
  llvm::opt::InputArgList parsed = driver::getDriverOptTable().ParseArgs(
      argv, missingIndex, missingCount, llvm::opt::Visibility(driver::options::ClangOption));
  for (const llvm::opt::Arg *arg : parsed.filtered(driver::options::OPT_INPUT))
    out.emplace_back(arg->getValue());
  return out;
}

} // namespace flowshape
