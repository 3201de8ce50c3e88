#!/usr/bin/env bash
# Quick start, command 2: installs what is missing, builds, and runs the
# whole test suite (GoogleTest cases under ctest). CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
ctest --test-dir build --output-on-failure --parallel 2 "$@"
