#!/usr/bin/env bash
# Growth within one function (benchmark, not a test): a function of N
# publish/wait branches at 200, 400, 800, 1,600 and 3,200 branches. See
# bench/README.md ("Branches in one function").
#
#   bench/branches.sh [--flowshape BIN] [--sizes 200,400,800,1600,3200] [--shape pair|split]
#                     [--timeout S] [--mem-gb N] [--out DIR] [--no-warm] [--generate-only]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exec python3 "$here/branches.py" "$@"
