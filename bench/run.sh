#!/usr/bin/env bash
# Benchmark (not a test): generates a synthetic service codebase and measures
# flowshape against clang++ -fsyntax-only and clang-tidy on it.
#
#   bench/run.sh [--tus N] [--services N] [--runs N] [--out DIR]
#
# Defaults: 200 translation units in 20 services, 3 runs per figure, output
# in /tmp/flowshape-bench. Builds flowshape first (scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
tus=200 services=20 runs=3 out=/tmp/flowshape-bench
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tus) tus="$2"; shift 2 ;;
    --services) services="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: bench/run.sh [--tus N] [--services N] [--runs N] [--out DIR]" >&2; exit 2 ;;
  esac
done
./scripts/build.sh >/dev/null
python3 bench/generate.py --out "$out" --tus "$tus" --services "$services" --grpc-gen testdata/include/grpc-gen
python3 bench/measure.py --project "$out" --flowshape "$PWD/build/flowshape" --runs "$runs"
