#!/usr/bin/env bash
# Rewrites tests/golden/ from the current build (tests/golden/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh >&2
FLOWSHAPE_UPDATE_GOLDEN=1 ./build/tests/flowshape_tests --gtest_filter='Golden*' --gtest_brief=1
git status --short tests/golden
