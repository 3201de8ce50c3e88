#!/usr/bin/env bash
# Precision and recall of every rule over all testdata cases, in one run.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh >/dev/null
./build/tests/flowshape_tests --gtest_filter='Cases/Testdata.*' --gtest_brief=1 | sed -n '/flowshape accuracy/,$p'
