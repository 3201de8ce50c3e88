#!/usr/bin/env bash
# Growth series (benchmark, not a test): link time and peak memory per
# translation unit at 250, 500, 1,000 and 2,000 synthetic TUs with deep call
# chains. See bench/README.md ("Growth series").
#
#   bench/growth.sh [--flowshape BIN] [--sizes 250,500,1000,2000] [--depth 12] [--includes light|full]
#                   [--jobs N] [--mem-gb N] [--timeout S] [--out DIR] [--generate-only]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
has_binary=0
for arg in "$@"; do [[ "$arg" == --flowshape* ]] && has_binary=1; done
if [[ $has_binary == 0 ]]; then set -- --flowshape "$here/../build/flowshape" "$@"; fi
exec python3 "$here/growth.py" "$@"
