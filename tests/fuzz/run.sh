#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a bounded time, starting from its
# seed corpus in tests/fuzz/corpus/. Fails on the first crash, leak, sanitizer report or
# broken invariant; the input that did it is kept in the build directory.
#   GISTACK_FUZZ_SECONDS   seconds per target (default 60)
#   GISTACK_FUZZ_BUILD_DIR build directory (default build-fuzz)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
BUILD=${GISTACK_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}
SECONDS_EACH=${GISTACK_FUZZ_SECONDS:-60}
TARGETS=(fuzz_client_frame fuzz_api_bodies fuzz_message_shape fuzz_token fuzz_request_head fuzz_websocket_wire)

cmake -S "$ROOT/tests/fuzz" -B "$BUILD" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" --parallel "$(nproc)"

summary=()
for target in "${TARGETS[@]}"; do
    # New inputs go to a scratch directory; the committed seeds are only read.
    scratch=$(mktemp -d)
    log="$BUILD/$target.log"
    echo "==> $target for ${SECONDS_EACH}s"
    if ! (cd "$BUILD" && "./$target" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 "$scratch" "$ROOT/tests/fuzz/corpus/$target") >"$log" 2>&1; then
        tail -n 60 "$log"
        echo "FAILED: $target (log: $log, reproducer: $BUILD/crash-* / leak-* / timeout-*)" >&2
        rm -rf "$scratch"
        exit 1
    fi
    runs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
    summary+=("$target: ${runs:-?} executions in ${SECONDS_EACH}s, corpus $(ls "$scratch" | wc -l) new inputs")
    rm -rf "$scratch"
done
printf '%s\n' "${summary[@]}"
