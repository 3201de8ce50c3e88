#!/usr/bin/env bash
# Quick start, command 1: installs what is missing, builds flowshape, and
# runs it on the bundled demo service (testdata/demo). Extra arguments go to
# flowshape, e.g. scripts/demo.sh --format json.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh flowshape >&2
cmake -S testdata/demo -B testdata/demo/build -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
set +e
./build/flowshape -p testdata/demo/build "$@"
code=$?
set -e
# The demo has findings on purpose: exit 1 means "findings", not a failure.
if [[ $code -eq 1 ]]; then exit 0; fi
exit $code
