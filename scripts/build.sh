#!/usr/bin/env bash
# Installs what is missing (pinned Debian packages), configures and builds
# flowshape and its tests into build/ (or only the given targets, e.g.
# `scripts/build.sh flowshape`). Idempotent: a second run only rebuilds what
# changed.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
generator=()
if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
if [[ ! -f build/CMakeCache.txt ]]; then
  cmake -S . -B build "${generator[@]}" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
targets=()
for target in "$@"; do targets+=(--target "$target"); done
cmake --build build --parallel 2 "${targets[@]}"
