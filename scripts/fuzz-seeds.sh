#!/usr/bin/env bash
# Builds the seed corpus of one fuzz target (scripts/fuzz.sh) into DIR from
# what the repository already holds: testdata, golden files, catalogs, the
# regression inputs, and (for cache_entry and shards) what the demo writes.
# Seeds are generated, never committed.
#   scripts/fuzz-seeds.sh TARGET DIR
set -euo pipefail
cd "$(dirname "$0")/.."
target=$1
out=$2
rm -rf "$out"
mkdir -p "$out"
n=0
seed() { # copies each given file (at most 64 KB of it) into the corpus
  local file
  for file in "$@"; do
    [[ -f "$file" ]] || continue
    head -c 65536 "$file" >"$out/seed-$n"
    n=$((n + 1))
  done
}
text() { printf '%s' "$1" >"$out/seed-$n"; n=$((n + 1)); }

# What flowshape writes for the demo (summaries, cache entries), made by the
# normal build's binary.
demo_outputs() {
  local dir=build-fuzz/demo-outputs
  if [[ ! -d $dir ]]; then
    ./scripts/build.sh flowshape >&2
    cmake -S testdata/demo -B testdata/demo/build -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
    mkdir -p "$dir"
    ./build/flowshape -p testdata/demo/build --quiet --shard 1/1 --summaries-out "$dir/shard.json" \
      --cache-dir "$dir/cache" >/dev/null
  fi
  echo "$dir"
}

case $target in
  compile_commands)
    text '[{"directory": "/src/build", "file": "../a.cpp", "arguments": ["g++", "-std=c++17", "-c", "../a.cpp"]}]'
    text '[{"directory": "/src", "file": "b.cpp", "command": "clang++ -DNAME=\"two words\" -I ../include -c b.cpp"}]'
    text $'[\n  {"directory": "/x",\n   "file" "a.cpp"}\n]\n'
    seed testdata/demo/build/compile_commands.json
    ;;
  config)
    seed $(find testdata -name '*.yaml' -not -path '*/build/*') testdata/demo/.flowshape.yaml
    text $'rules:\n  sync-over-queue: error\ninclude: ["src/**"]\nexclude: ["**/gen/*"]\nheader-filter: "^src/"\n'
    text $'require-justification: true\nevent-names:\n  command-words: [charge]\n  fact-words: [charged]\n'
    text $'apis:\n  - name: Bus::publish\n    role: publish\n    destination_arg: 0\n  - name_regex: "^Rpc::call.*"\n    role: direct-request\n    timeout_arg: 1\n'
    ;;
  catalog)
    seed rules/catalog/*.yaml
    ;;
  baseline)
    seed tests/golden/demo.json tests/golden/demo.sarif
    text '{"findings": []}'
    text '{"runs": [{"tool": {"driver": {"name": "flowshape"}}, "results": []}]}'
    ;;
  cache_entry)
    dir=$(demo_outputs)
    for entry in $(find "$dir/cache" -type f \( -name '*.json' -o -name '*.bin' \) | sort | head -40); do
      seed "$entry"
      tail -n +2 "$entry" >"$out/seed-$n" # the payload alone reaches the JSON and binary readers directly
      n=$((n + 1))
    done
    # A manifest variant of a unit that failed (the demo has none).
    text '{"identity":"ab","variants":[{"key":"cd","files":[["/s/a.cpp","ef"]],"failure":{"errors":["/s/a.cpp:1:10: error: x"],"partial":true,"absent":["/s/include/x.h"]}}]}'
    ;;
  shards)
    dir=$(demo_outputs)
    seed "$dir/shard.json"
    text '{"format": "flowshape-summaries", "version": 1, "tool": "0.1.0", "root": "/r", "shard": {"index": 1, "count": 1}, "files": 0, "units": [], "failures": []}'
    ;;
  suppressions)
    seed $(grep -rlE 'NOLINT|flowshape:' testdata --include='*.cpp' --include='*.h' | sort | head -60)
    text $'call(); // NOLINT(flowshape-sync-over-queue): reason\n// NOLINTNEXTLINE(flowshape-*) -- why\nx();\n'
    text $'// NOLINTBEGIN(flowshape-publish-then-block)\n// flowshape: allow sync-over-queue -- ok\n// NOLINTEND(flowshape-publish-then-block)\n'
    text $'auto s = R"x(// NOLINT)x"; char c = \'"\'; int n = 1\'000; /* NOLINT(flowshape- */\n'
    ;;
  *)
    echo "fuzz-seeds.sh: unknown target '$target'" >&2
    exit 2
    ;;
esac
# Inputs that once failed are the most interesting seeds of all.
seed tests/data/fuzz-regressions/"$target"/*
echo "fuzz-seeds.sh: $n seeds for $target in $out" >&2
