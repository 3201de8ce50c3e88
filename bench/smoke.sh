#!/usr/bin/env bash
# Real-code smoke run (a benchmark, not CI): flowshape over whole fetched
# codebases, checking no crash, no hang and bounded memory; prints flows,
# findings and findings per 1,000 flows. Exit 1 when a check fails.
# See bench/README.md ("Real code").
#
#   bench/smoke.sh [--flowshape BIN] [--jobs N] [--mem-gb N] [--timeout S] [--out DIR] [--root DIR]
#                  [--cache-root DIR] DATABASE...
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
has_binary=0
for arg in "$@"; do [[ "$arg" == --flowshape* ]] && has_binary=1; done
if [[ $has_binary == 0 ]]; then set -- --flowshape "$here/../build/flowshape" "$@"; fi
exec python3 "$here/realcode.py" smoke "$@"
