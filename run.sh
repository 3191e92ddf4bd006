#!/usr/bin/env bash
# GIStack Notify: the front door.
#   ./run.sh          install what is missing, build, and serve demo data on the embedded SQLite database
#   ./run.sh test     install what is missing, build, and run the whole test suite (ctest), then
#                     the suite again under ASan+UBSan and each fuzz target for a bounded time
#                     (GISTACK_QUICK_TEST=1 skips those two stages)
#   ./run.sh build    install what is missing and build only
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
BUILD_DIR=${GISTACK_BUILD_DIR:-$ROOT/build}

APT_PACKAGES=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-websockets-dev qt6-httpserver-dev
    libqt6sql6-sqlite libqt6sql6-psql qt6-l10n-tools qt6-tools-dev
    libcpp-jwt-dev nlohmann-json3-dev libssl-dev openssl
)
# Only for ./run.sh test: the libFuzzer targets need clang and its runtime.
TEST_PACKAGES=(clang libclang-rt-14-dev)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_packages() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "==> installing: ${missing[*]}"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

build() {
    install_packages "${APT_PACKAGES[@]}"
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$BUILD_DIR" --parallel "$(nproc)"
}

# The whole suite once more, built with AddressSanitizer and UndefinedBehaviorSanitizer
# (any report fails; see tests/CMakeLists.txt and tests/sanitizers/).
sanitized_tests() {
    local dir=${GISTACK_ASAN_BUILD_DIR:-$ROOT/build-asan}
    cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g" -DGISTACK_SANITIZE=ON >/dev/null
    cmake --build "$dir" --parallel "$(nproc)"
    (cd "$dir" && ctest --output-on-failure --parallel 2)
}

# A local config with random secrets, made once and readable only by its owner.
dev_config() {
    local dir="$ROOT/.gistack"
    local file="$dir/dev.ini"
    if [ ! -f "$file" ]; then
        mkdir -p "$dir"
        umask 077
        {
            echo "jwt-secret=$(head -c 32 /dev/urandom | base64 | tr -d '=+/')"
            echo "api-key=$(head -c 32 /dev/urandom | base64 | tr -d '=+/')"
            echo "database=$dir/demo.db"
        } >"$file"
        echo "==> wrote $file (secrets for this machine; the API key is there)" >&2
    fi
    echo "$file"
}

case "${1:-run}" in
run)
    build
    config=$(dev_config)
    shift || true
    exec "$BUILD_DIR/bin/gistack-server" --config "$config" --demo "$@"
    ;;
test)
    build
    (cd "$BUILD_DIR" && ctest --output-on-failure --parallel 2)
    if [ "${GISTACK_QUICK_TEST:-0}" != 1 ]; then
        install_packages "${TEST_PACKAGES[@]}"
        sanitized_tests
        "$ROOT/tests/fuzz/run.sh"
    fi
    ;;
build)
    build
    ;;
*)
    echo "usage: ./run.sh [run|test|build]" >&2
    exit 2
    ;;
esac
