#!/usr/bin/env bash
# Fuzzes one loader of outside input with libFuzzer (+ ASan, UBSan):
#   scripts/fuzz.sh TARGET [SECONDS]     (default 60 s; `scripts/fuzz.sh list` lists targets)
# Builds the fuzz targets with clang-19 into build-fuzz/ when needed, seeds a
# corpus from the repository (scripts/fuzz-seeds.sh) and runs one process.
# Crashing inputs land in build-fuzz/artifacts/TARGET/; keep each one as a
# regression test in tests/data/fuzz-regressions/TARGET/ (see docs/testing.md).
# Extra arguments after SECONDS go to libFuzzer (e.g. -max_len=8192).
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(compile_commands config catalog baseline cache_entry shards suppressions)
if [[ $# -lt 1 || "$1" == list || "$1" == -h || "$1" == --help ]]; then
  echo "usage: scripts/fuzz.sh TARGET [SECONDS] [libFuzzer options...]" >&2
  echo "targets: ${targets[*]}" >&2
  [[ $# -ge 1 && "$1" == list ]] && exit 0
  exit 2
fi
target=$1
seconds=${2:-60}
shift $(($# >= 2 ? 2 : 1))
if [[ ! " ${targets[*]} " == *" $target "* ]]; then
  echo "fuzz.sh: unknown target '$target' (targets: ${targets[*]})" >&2
  exit 2
fi

./scripts/setup.sh
if [[ ! -f build-fuzz/CMakeCache.txt ]]; then
  generator=()
  if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
  launcher=()
  if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  cmake -S . -B build-fuzz "${generator[@]}" "${launcher[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 -DFLOWSHAPE_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
fi
cmake --build build-fuzz --parallel 2 --target "fuzz_$target"

./scripts/fuzz-seeds.sh "$target" "build-fuzz/seeds/$target"
corpus=build-fuzz/corpus/$target
artifacts=build-fuzz/artifacts/$target
mkdir -p "$corpus" "$artifacts"
# One process (the machine is shared); each input at most 10 s and 2 GB.
exec "build-fuzz/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=16384 -print_final_stats=1 -artifact_prefix="$artifacts/" "$@" "$corpus" "build-fuzz/seeds/$target"
