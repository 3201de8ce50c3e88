#!/usr/bin/env bash
# Benchmark (not a test): cold and warm runs of flowshape on real codebases,
# under a memory cap and a timeout. See bench/README.md ("Real code").
#
#   bench/realcode.sh [--flowshape BIN] [--jobs N] [--mem-gb N] [--timeout S] [--out DIR] [--root DIR] DATABASE...
#
# DATABASE: a build directory holding compile_commands.json (or the file).
# Default binary: build/flowshape of this checkout (not rebuilt).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
has_binary=0
for arg in "$@"; do [[ "$arg" == --flowshape* ]] && has_binary=1; done
if [[ $has_binary == 0 ]]; then set -- --flowshape "$here/../build/flowshape" "$@"; fi
exec python3 "$here/realcode.py" measure "$@"
