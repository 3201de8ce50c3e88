#!/usr/bin/env bash
# Installs the pinned Debian 12 packages flowshape builds and tests with.
# Idempotent: a package already at its pinned version is left alone, and
# nothing runs apt-get when everything is present.
set -euo pipefail

# name=version, one per line. Versions are Debian 12 (bookworm) main.
PACKAGES=(
  # toolchain
  clang-19=1:19.1.7-3~deb12u1
  libclang-19-dev=1:19.1.7-3~deb12u1
  libclang-cpp19-dev=1:19.1.7-3~deb12u1
  llvm-19-dev=1:19.1.7-3~deb12u1
  clang-tidy-19=1:19.1.7-3~deb12u1
  libclang-rt-19-dev=1:19.1.7-3~deb12u1   # libFuzzer and sanitizer runtimes (scripts/fuzz.sh, test.sh --sanitize)
  cmake=3.25.1-1
  nlohmann-json3-dev=3.11.2-2
  libcli11-dev=2.1.2+ds-1
  libgtest-dev=1.12.1-0.2
  googletest=1.12.1-0.2
  wordnet-base=1:3.0-37   # the verb lexicon of command-named-event, embedded at build time
  # broker / RPC client headers used, as they are, by testdata and the demo
  librdkafka-dev=2.0.2-1
  librabbitmq-dev=0.11.0-1+deb12u3
  libzmq3-dev=4.3.4-6
  cppzmq-dev=4.9.0-1
  libpaho-mqttpp-dev=1.2.0-2
  libpaho-mqtt-dev=1.3.12-1
  libnats-dev=3.4.1-1+b1
  libhiredis-dev=0.14.1-3
  libgrpc++-dev=1.51.1-3+b1
  libprotobuf-dev=3.21.12-3+deb12u1   # generated gRPC stubs include the protobuf headers
  libcpp-httplib-dev=0.11.4+ds-1+deb12u1
  libcurl4-openssl-dev=7.88.1-10+deb12u15
  libboost-dev=1.74.0.3
  libboost-thread-dev=1.74.0.3
  libcpprest-dev=2.10.18-1+b1
  libmosquitto-dev=2.0.11-1.2+deb12u2
  libnng-dev=1.5.2-2
  libnanomsg-dev=1.1.5+dfsg-1.1+b1
  libqpid-proton-cpp12-dev=0.37.0-2+b1
  # SARIF schema validation and the pre-commit hook test
  python3-jsonschema=4.10.3-1
  pre-commit=3.0.4-1
)

missing=()
for spec in "${PACKAGES[@]}"; do
  name=${spec%%=*}
  want=${spec#*=}
  have=$(dpkg-query -W -f='${Status} ${Version}' "$name" 2>/dev/null || true)
  [[ "$have" == "install ok installed $want" ]] || missing+=("$spec")
done
# The SARIF validation test installs Microsoft's SARIF Multitool with npm.
# Any npm will do (a Node.js from elsewhere brings its own): Debian's only
# when there is none.
command -v npm >/dev/null 2>&1 || missing+=(npm=9.2.0~ds1-1)

if ((${#missing[@]} == 0)); then
  exit 0
fi

SUDO=
if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; fi
echo "setup: installing ${#missing[@]} pinned package(s): ${missing[*]%%=*}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
