#!/usr/bin/env bash
# The benchmark: GIStack Notify against the Node.js + ws peer, same N, one run, one table.
# Called by `./run.sh bench` after a Release build; usable directly:
#   tests/bench/run_bench.sh BUILD_DIR
# Settings (environment):
#   GISTACK_BENCH_USERS        connections per server (default 19000; the fd limit is the ceiling)
#   GISTACK_BENCH_WINDOW       connections between connect() and login frame at once (default 250)
#   GISTACK_BENCH_FANOUT       messages published to everyone (default 20)
#   GISTACK_BENCH_REQUESTS     POST /api/v1/requests in the API phase (default 5000)
#   GISTACK_BENCH_CONCURRENCY  keep-alive API connections (default 32)
#   GISTACK_BENCH_PEERS        which peers to run (default "node", plus "go" when BUILD_DIR/bench-go/go-peer exists)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD_DIR=$(cd "${1:?usage: run_bench.sh BUILD_DIR}" && pwd)
BIN=$BUILD_DIR/bin
USERS=${GISTACK_BENCH_USERS:-19000}
DEFAULT_PEERS=node
[ -x "$BUILD_DIR/bench-go/go-peer" ] && DEFAULT_PEERS="node go"
PEERS=${GISTACK_BENCH_PEERS:-$DEFAULT_PEERS}
OUT=$BUILD_DIR/bench-results/$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
ln -sfn "$OUT" "$BUILD_DIR/bench-results/latest"

# Every socket is a file descriptor, in the servers and in the load generator.
ulimit -n "$(ulimit -Hn)"
if [ "$((USERS + 200))" -gt "$(ulimit -n)" ]; then
    echo "GISTACK_BENCH_USERS=$USERS needs more than the file limit of $(ulimit -n)" >&2
    exit 2
fi

# Fresh secrets per run, passed through the environment only (never on a command line).
secret() { head -c 24 /dev/urandom | base64 | tr -d '=+/'; }
export GISTACK_JWT_SECRET GISTACK_API_KEY
GISTACK_JWT_SECRET=$(secret)
GISTACK_API_KEY=$(secret)

SERVER_PID=
stop_server() {
    [ -n "$SERVER_PID" ] || return 0
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.2
    done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
}
trap stop_server EXIT

# Starts "$@" in the background with its output in $1.log, waits for "listening on http://...:PORT".
PORT=
start_server() {
    local log=$1
    shift
    # Files just written (the build, npm's install, the last server's database) are flushed
    # first, so that their write-back does not share the cores with the server being measured.
    sync
    "$@" >"$log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 100); do
        PORT=$(grep -o 'listening on http://127\.0\.0\.1:[0-9]*' "$log" | head -n1 | sed 's/.*://') || true
        [ -n "$PORT" ] && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    echo "server did not start; its log:" >&2
    cat "$log" >&2
    exit 1
}

loadgen() {
    local name=$1
    shift
    "$BIN/gistack-loadgen" run --port "$PORT" --server-pid "$SERVER_PID" --users "$USERS" \
        --window "${GISTACK_BENCH_WINDOW:-250}" --fanout "${GISTACK_BENCH_FANOUT:-20}" \
        --requests "${GISTACK_BENCH_REQUESTS:-5000}" --concurrency "${GISTACK_BENCH_CONCURRENCY:-32}" \
        --out "$OUT/$name.kv" "$@" 2>&1 | tee "$OUT/$name.loadgen.log" || true
}

machine() {
    echo "- CPU: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
    echo "- RAM: $(free -g | awk '/^Mem:/ {print $2}') GiB; kernel $(uname -r); open files limit $(ulimit -n)"
    echo "- Qt $(qtpaths6 --qt-version 2>/dev/null || dpkg-query -W -f='${Version}' libqt6core6);" \
        "Node.js $(node --version); ws $(node -p "require('$BUILD_DIR/bench-node/node_modules/ws/package.json').version")"
    [ -x "$BUILD_DIR/bench-go/go-peer" ] && echo "- Go $(go version | awk '{print $3}'); gorilla/websocket (Debian package)"
    echo "- load: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) when the run started"
}

echo "==> results in $OUT"
machine | tee "$OUT/machine.md"

echo "==> GIStack Notify ($USERS users)"
# The load comes from 8 loopback addresses, like clients behind a few proxies: the per-address
# connection rate limit (20/s after a burst of 100) would refuse most of the crowd, so it is off.
start_server "$OUT/gistack-server.log" "$BIN/gistack-server" --port 0 --database "$OUT/bench.db" \
    --connection-rate 0
loadgen ours --target gistack --label "GIStack Notify"
stop_server

runs=("$OUT/ours.kv")
for peer in $PEERS; do
    case $peer in
    node)
        echo "==> Node.js + ws peer ($USERS users)"
        start_server "$OUT/node-peer.log" env NODE_PATH="$BUILD_DIR/bench-node/node_modules" \
            node "$ROOT/tests/bench/node-peer.js"
        loadgen node --target peer --label "Node.js + ws"
        ;;
    go)
        echo "==> Go + gorilla/websocket peer ($USERS users)"
        start_server "$OUT/go-peer.log" "$BUILD_DIR/bench-go/go-peer"
        loadgen go --target peer --label "Go + gorilla"
        ;;
    *)
        echo "unknown peer $peer" >&2
        exit 2
        ;;
    esac
    stop_server
    runs+=("$OUT/$peer.kv")
done

echo
"$BIN/gistack-loadgen" report "${runs[@]}" | tee "$OUT/table.md"
