#!/usr/bin/env bash
# Prepares the real codebases of bench/realcode.sh and bench/smoke.sh: exports
# pinned revisions of public messaging clients into DIR/<name>, configures each
# with its own CMake (compile_commands.json in DIR/<name>/build, nothing is
# built), and writes DIR/combined/compile_commands.json with all of them.
# Nothing of that code belongs in this repository.
#
#   bench/realcode-prepare.sh [--dir DIR] [--mirrors DIR]
#
# --dir      where the trees go (default /work/realcode)
# --mirrors  a folder of bare git repositories named <owner>+<name>/repo (as
#            left by a mirror tool); without it, each repository is cloned
#            (bare) from https://github.com/<owner>/<name> into DIR/.git-mirrors
set -euo pipefail
dir=/work/realcode mirrors=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --mirrors) mirrors="$2"; shift 2 ;;
    *) echo "usage: bench/realcode-prepare.sh [--dir DIR] [--mirrors DIR]" >&2; exit 2 ;;
  esac
done
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
compilers=(-G Ninja -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)

# name  owner/repository  revision (tag or commit)  CMake options
codebases=(
  "librdkafka confluentinc/librdkafka v2.0.2 -DRDKAFKA_BUILD_EXAMPLES=ON -DRDKAFKA_BUILD_TESTS=ON -DWITH_SASL=OFF -DWITH_ZSTD=OFF -DENABLE_LZ4_EXT=OFF -DWITH_SSL=ON -DWITH_ZLIB=ON"
  "nats.c nats-io/nats.c v3.13.0 -DNATS_BUILD_STREAMING=OFF -DNATS_BUILD_EXAMPLES=ON -DBUILD_TESTING=OFF"
  "paho.mqtt.c eclipse/paho.mqtt.c v1.3.13 -DPAHO_BUILD_SAMPLES=TRUE -DPAHO_WITH_SSL=TRUE -DPAHO_ENABLE_TESTING=FALSE"
  "rabbitmq-c alanxz/rabbitmq-c v0.15.0 -DBUILD_EXAMPLES=ON -DBUILD_TESTING=OFF -DBUILD_TOOLS=OFF -DENABLE_SSL_SUPPORT=ON"
  "hiredis redis/hiredis v1.3.0 -DENABLE_EXAMPLES=ON -DDISABLE_TESTS=ON"
  "paho.mqtt.cpp eclipse/paho.mqtt.cpp v1.4.0 -DPAHO_BUILD_EXAMPLES=ON -DPAHO_WITH_SSL=ON -DPAHO_BUILD_TESTS=OFF -DPAHO_WITH_MQTT_C=OFF"
  "cppkafka mfontanini/cppkafka v0.4.1 -DCPPKAFKA_DISABLE_TESTS=ON -Dboost_program_options_DIR=$dir/stubs/boost_program_options"
  "zmqpp zeromq/zmqpp 4.2.0 -DZMQPP_BUILD_EXAMPLES=ON -DZMQPP_BUILD_CLIENT=OFF -DZMQPP_BUILD_TESTS=OFF"
  "cppzmq zeromq/cppzmq v4.11.0 -S examples"
  "mosquitto eclipse/mosquitto v2.0.20 -DWITH_TLS=ON -DWITH_CJSON=OFF -DDOCUMENTATION=OFF -DWITH_DLT=OFF -DWITH_SRV=OFF -DWITH_WEBSOCKETS=OFF -DWITH_PLUGINS=ON -DWITH_APPS=ON"
  "nng nanomsg/nng v1.10.2 -DNNG_TESTS=ON -DNNG_TOOLS=ON -DBUILD_SHARED_LIBS=OFF -DNNG_ENABLE_TLS=OFF"
  "zguide booksbyus/zguide 6752d24b215997aa161e6896941bfd6010d4d3f5"
)

# cppkafka builds its examples only when Boost.ProgramOptions' CMake package
# is found; its headers come with libboost-dev, which is all a compile
# database needs. This stand-in is enough to configure, not to link.
mkdir -p "$dir/stubs/boost_program_options"
cat > "$dir/stubs/boost_program_options/boost_program_optionsConfig.cmake" <<'CMAKE'
if(NOT TARGET Boost::program_options)
  add_library(Boost::program_options INTERFACE IMPORTED)
endif()
set(boost_program_options_FOUND TRUE)
CMAKE
cat > "$dir/stubs/boost_program_options/boost_program_optionsConfigVersion.cmake" <<'CMAKE'
set(PACKAGE_VERSION 1.74.0)
set(PACKAGE_VERSION_COMPATIBLE TRUE)
set(PACKAGE_VERSION_EXACT TRUE)
CMAKE

git_dir() {  # owner/repository -> a bare git directory holding it
  local slug="$1"
  if [[ -n "$mirrors" ]]; then
    echo "$mirrors/${slug/\//+}/repo"
  else
    local target="$dir/.git-mirrors/${slug/\//+}"
    [[ -d "$target" ]] || git clone --quiet --bare "https://github.com/$slug" "$target" >&2
    echo "$target"
  fi
}

for line in "${codebases[@]}"; do
  read -r name slug revision options <<<"$line"
  git="$(git_dir "$slug")"
  rm -rf "${dir:?}/$name"
  mkdir -p "$dir/$name"
  git --git-dir="$git" archive "$revision" | tar -x -C "$dir/$name"
  commit="$(git --git-dir="$git" rev-parse "$revision^{commit}")"
  if [[ "$name" == zguide ]]; then
    # No build system: the C examples that need only libzmq (not CZMQ) and
    # every C++ example, with the flags of the guide's build helpers.
    python3 - "$dir/zguide" <<'PY'
import glob, json, os, sys
base = os.path.join(sys.argv[1], "examples")
database = []
for path in sorted(glob.glob(base + "/C/*.c")):
    if "czmq.h" not in open(path, errors="replace").read():
        database.append({"directory": base + "/C", "file": path,
                         "arguments": ["clang-19", "-std=gnu11", "-I" + base + "/C", "-c", os.path.basename(path)]})
for path in sorted(glob.glob(base + "/C++/*.cpp")):
    database.append({"directory": base + "/C++", "file": path,
                     "arguments": ["clang++-19", "-std=c++20", "-I" + base + "/C++", "-c", os.path.basename(path)]})
os.makedirs(os.path.join(sys.argv[1], "build"), exist_ok=True)
with open(os.path.join(sys.argv[1], "build", "compile_commands.json"), "w") as f:
    json.dump(database, f, indent=1)
PY
  else
    source_dir=.
    # shellcheck disable=SC2086 # options are words
    set -- $options
    if [[ "${1:-}" == -S ]]; then source_dir="$2"; shift 2; fi
    (cd "$dir/$name" && cmake -S "$source_dir" -B build "${compilers[@]}" "$@" >build.log 2>&1) ||
      { echo "$name: cmake failed, see $dir/$name/build.log" >&2; exit 1; }
  fi
  count="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$dir/$name/build/compile_commands.json")"
  printf '%-14s %-22s %-10s %s  %5s TUs\n' "$name" "$slug" "$revision" "$commit" "$count"
done

# One database with every translation unit of every codebase (root: DIR).
mkdir -p "$dir/combined"
python3 - "$dir" "${codebases[@]%% *}" <<'PY'
import json, os, sys
root, names = sys.argv[1], sys.argv[2:]
database = []
for name in names:
    with open(os.path.join(root, name, "build", "compile_commands.json")) as f:
        database.extend(json.load(f))
with open(os.path.join(root, "combined", "compile_commands.json"), "w") as f:
    json.dump(database, f, indent=1)
print("combined       %d TUs in %s/combined/compile_commands.json" % (len(database), root))
PY
