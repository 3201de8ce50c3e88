#!/usr/bin/env bash
# Quick start, command 2: installs what is missing, builds, and runs the
# whole test suite (GoogleTest cases under ctest). CI runs exactly this.
#   scripts/test.sh [ctest options]              the normal build, build/
#   scripts/test.sh --sanitize [ctest options]   the same suite built with
#       AddressSanitizer + UndefinedBehaviorSanitizer (clang-19) in
#       build-sanitize/: any memory error, leak or undefined behaviour in
#       flowshape's code fails the test that met it.
# With the environment variable CI set (CI runs `./scripts/test.sh`), the
# normal suite is followed by the sanitizer suite (docs/testing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" != --sanitize ]]; then
  ./scripts/build.sh
  if [[ -z "${CI:-}" ]]; then
    exec ctest --test-dir build --output-on-failure --parallel 2 "$@"
  fi
  ctest --test-dir build --output-on-failure --parallel 2 "$@"
  exec ./scripts/test.sh --sanitize "$@"
fi
shift
./scripts/setup.sh
if [[ ! -f build-sanitize/CMakeCache.txt ]]; then
  generator=()
  if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
  launcher=()
  if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  # -O1: the usual optimisation for sanitizer builds, and quick to compile.
  cmake -S . -B build-sanitize "${generator[@]}" "${launcher[@]}" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_FLAGS_RELEASE="-O1 -DNDEBUG" -DCMAKE_CXX_FLAGS_RELEASE="-O1 -DNDEBUG" \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 -DFLOWSHAPE_SANITIZE=ON >/dev/null
fi
cmake --build build-sanitize --parallel 2
# The tests run flowshape itself too: these settings reach it through the
# environment. Reports name the source line (llvm-symbolizer-19).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer-19 || command -v llvm-symbolizer || true)}
exec ctest --test-dir build-sanitize --output-on-failure --parallel 2 "$@"
