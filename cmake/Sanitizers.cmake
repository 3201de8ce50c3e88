# Optional instrumented builds, each in a build directory of its own:
#   FLOWSHAPE_SANITIZE=ON  the whole tool and test suite with AddressSanitizer
#                          and UndefinedBehaviorSanitizer (scripts/test.sh --sanitize);
#   FLOWSHAPE_FUZZ=ON      libFuzzer targets for every loader of outside input
#                          (tests/fuzz, scripts/fuzz.sh; needs clang).
# LLVM and Clang themselves stay uninstrumented (Debian's shared libraries).
option(FLOWSHAPE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(FLOWSHAPE_FUZZ "Build the libFuzzer targets of the input loaders (clang only)" OFF)

if(FLOWSHAPE_SANITIZE OR FLOWSHAPE_FUZZ)
  # vptr: the dynamic type checks need the RTTI of every polymorphic class,
  # and Debian's LLVM is built without it. Every other UB check aborts at the
  # first finding, so that a test cannot pass over one.
  # Line tables are enough for symbolized reports of the whole suite, and
  # much cheaper to build than full debug information of the Clang headers;
  # the fuzz targets are small enough for -g.
  if(FLOWSHAPE_FUZZ)
    set(FLOWSHAPE_DEBUG_INFO -g)
  elseif(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    set(FLOWSHAPE_DEBUG_INFO -gline-tables-only)
  else()
    set(FLOWSHAPE_DEBUG_INFO -g1)
  endif()
  set(FLOWSHAPE_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize=vptr -fno-sanitize-recover=all
      -fno-omit-frame-pointer ${FLOWSHAPE_DEBUG_INFO})
  add_compile_options(${FLOWSHAPE_SANITIZER_FLAGS})
  add_link_options(-fsanitize=address,undefined)
endif()

if(FLOWSHAPE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "FLOWSHAPE_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++-19")
  endif()
  # Coverage for libFuzzer in every object; the fuzzer's main() only in the
  # fuzz targets themselves (tests/fuzz/CMakeLists.txt).
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
