// AddressSanitizer's defaults for the programs of the sanitizer build
// (FLOWSHAPE_SANITIZE=ON: flowshape and flowshape_tests). ASAN_OPTIONS from
// the environment still comes after them and wins.
//
// allow_user_poisoning=0: LLVM's BumpPtrAllocator (llvm/Support/Allocator.h,
// the allocator of Clang's ASTContext) poisons every new slab and unpoisons
// every allocation from it, in inline code that exists only where ASan is
// on. flowshape's instrumented code inlines it (Clang's
// Redeclarable::getPrevious allocates a LazyGenerationalUpdatePtr in the
// ASTContext; when that starts a slab, the whole slab is poisoned); Debian's
// uninstrumented libclang-cpp then hands out the rest of that slab without
// unpoisoning it, and flowshape reading those AST nodes is reported as a
// use-after-poison (in RecursiveASTVisitor::TraverseTemplateInstantiations)
// that is not one. ASan's own poisoning of the heap, the stack and globals,
// which checks flowshape's code, is unaffected.
extern "C" __attribute__((visibility("default"), used)) const char *__asan_default_options() {
  return "allow_user_poisoning=0";
}
