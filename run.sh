#!/usr/bin/env bash
# GIStack Notify: the front door.
#   ./run.sh          install what is missing, build, and serve demo data on the embedded SQLite database:
#                     in the console window when a display is there ($DISPLAY or $WAYLAND_DISPLAY), else headless
#   ./run.sh test     install what is missing, build, and run the whole test suite (ctest), then
#                     the suite again under ASan+UBSan and each fuzz target for a bounded time
#                     (GISTACK_QUICK_TEST=1 skips those two stages)
#   ./run.sh build    install what is missing and build only
#   ./run.sh package  install what is missing, build, and make the Debian package in build/
#   ./run.sh bench    Release build, then GIStack Notify against a Node.js + ws peer (and Go + gorilla/websocket when
#                     Debian's golang-go and golang-github-gorilla-websocket-dev are installed); GISTACK_BENCH_USERS=19000
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
BUILD_DIR=${GISTACK_BUILD_DIR:-$ROOT/build}

APT_PACKAGES=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-websockets-dev qt6-httpserver-dev
    libqt6sql6-sqlite libqt6sql6-psql qt6-l10n-tools qt6-tools-dev
    libcpp-jwt-dev nlohmann-json3-dev libssl-dev openssl
    libqt6svg6 qt6-wayland fonts-wqy-microhei xvfb xauth
)
# Making and checking the .deb: dpkg-shlibdeps (dpkg-dev, which needs file), systemd-analyze,
# man for the man page and the unit's Documentation=, desktop-file-validate.
PACKAGING_PACKAGES=(dpkg-dev file systemd man-db desktop-file-utils)
# The browser tests (tests/e2e) drive Debian's chromium with playwright-core from npm; the suite
# also runs on a real PostgreSQL server and through nginx; the libFuzzer targets need clang.
TEST_APT_PACKAGES=(chromium postgresql postgresql-client nginx clang libclang-rt-14-dev)
# Node may come from elsewhere (NodeSource, nvm); Debian's packages only fill what is missing.
command -v node >/dev/null 2>&1 || TEST_APT_PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || TEST_APT_PACKAGES+=(npm)

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

# The benchmark: a Release build of its own, and the peer's ws package from npm into that build folder.
bench() {
    install_packages "${APT_PACKAGES[@]}"
    command -v node >/dev/null && command -v npm >/dev/null || install_packages nodejs npm
    local dir=${GISTACK_BENCH_BUILD_DIR:-$ROOT/build-release}
    # No test suites in this build: it exists to be measured.
    cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
    cmake --build "$dir" --parallel "$(nproc)"
    mkdir -p "$dir/bench-node"
    cp "$ROOT/tests/bench/package.json" "$ROOT/tests/bench/package-lock.json" "$dir/bench-node/"
    (cd "$dir/bench-node" && npm ci --no-audit --no-fund --loglevel=error)
    # The Go peer is optional: built offline (no module download) when Debian's golang-go and
    # golang-github-gorilla-websocket-dev are installed.
    if command -v go >/dev/null && [ -d /usr/share/gocode/src/github.com/gorilla/websocket ]; then
        (cd "$ROOT/tests/bench/go-peer" && GO111MODULE=off GOPATH=/usr/share/gocode GOPROXY=off GOFLAGS= \
            GOCACHE="$dir/bench-go/cache" go build -o "$dir/bench-go/go-peer" .)
    fi
    "$ROOT/tests/bench/run_bench.sh" "$dir"
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

command=${1:-run}
case "$command" in
-*) command=run ;; # ./run.sh --port 9090: options for the server
*) shift || true ;;
esac

case "$command" in
run)
    build
    config=$(dev_config)
    if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
        exec "$BUILD_DIR/bin/gistack-console" --config "$config" --demo "$@"
    fi
    exec "$BUILD_DIR/bin/gistack-server" --config "$config" --demo "$@"
    ;;
test)
    install_packages "${APT_PACKAGES[@]}" "${TEST_APT_PACKAGES[@]}" "${PACKAGING_PACKAGES[@]}"
    build
    # A private PostgreSQL server for the _pg suites and the cluster tests, stopped on any exit.
    pg_dir=$(mktemp -d /tmp/gistack-pg.XXXXXX)
    trap 'tests/pg/test-cluster.sh stop "$pg_dir"' EXIT
    # Assigned first: a failure inside "eval $(...)" would be lost, and the _pg suites would skip.
    pg_env=$(tests/pg/test-cluster.sh start "$pg_dir")
    eval "$pg_env"
    (cd "$BUILD_DIR" && ctest --output-on-failure --parallel 2)
    if [ "${GISTACK_QUICK_TEST:-0}" != 1 ]; then
        sanitized_tests
        "$ROOT/tests/fuzz/run.sh"
    fi
    ;;
build)
    build
    ;;
package)
    install_packages "${PACKAGING_PACKAGES[@]}"
    build
    rm -f "$BUILD_DIR"/gistack-notify_*.deb
    (cd "$BUILD_DIR" && cpack -G DEB --config CPackConfig.cmake >cpack.log 2>&1) || {
        cat "$BUILD_DIR/cpack.log" >&2
        exit 1
    }
    ls "$BUILD_DIR"/gistack-notify_*.deb
    ;;
bench)
    bench
    ;;
*)
    echo "usage: ./run.sh [run|test|build|package|bench]" >&2
    exit 2
    ;;
esac
