#!/usr/bin/env bash
# A private PostgreSQL server for the test suite, on loopback, owned by the test run.
#   test-cluster.sh start DIR   initdb into DIR and start; prints the variables the tests read
#   test-cluster.sh ctl DIR stop|start   stop or start it again (the outage test)
#   test-cluster.sh stop DIR    stop it and remove DIR
# initdb refuses to run as root, so as root the server runs as the postgres user.
set -euo pipefail

cmd=${1:?usage: test-cluster.sh start|ctl|stop DIR}
dir=${2:?usage: test-cluster.sh start|ctl|stop DIR}
self=$(readlink -f "$0")

pg_bin() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
    echo "$bin"
}

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_ctl_run() {
    local action=$1
    local bin port
    bin=$(pg_bin)
    port=$(cat "$dir/port")
    case "$action" in
    start)
        # Test data only: no fsync, so that a fresh database per test is cheap.
        as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
            start >/dev/null
        ;;
    stop)
        as_owner "$bin/pg_ctl" -D "$dir/data" -w -t 60 -m fast stop >/dev/null
        ;;
    *)
        echo "unknown action $action" >&2
        exit 2
        ;;
    esac
}

# The first port from $1 (default 55432) with no listener.
free_port() {
    local port
    for port in $(seq "${1:-55432}" 55632); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    echo "no free port in 55432-55632" >&2
    exit 1
}

case "$cmd" in
start)
    bin=$(pg_bin)
    mkdir -p "$dir"
    chmod 700 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
    (umask 077 && echo "$password" >"$dir/pwfile")
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir/pwfile"
    as_owner "$bin/initdb" -D "$dir/data" -U gistack --pwfile="$dir/pwfile" -E UTF8 --locale=C \
        --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
    rm -f "$dir/pwfile"
    # A port that looked free can still be taken (a connection's local port on 127.0.0.1, or
    # another run starting at the same moment): then the next one is tried.
    started=
    from=55432
    for _ in 1 2 3 4 5; do
        free_port "$from" >"$dir/port"
        if pg_ctl_run start; then
            started=1
            break
        fi
        echo "PostgreSQL did not start on port $(cat "$dir/port"); trying another" >&2
        from=$(($(cat "$dir/port") + 1))
    done
    [ -n "$started" ] || { cat "$dir/server.log" >&2; exit 1; }
    echo "export GISTACK_TEST_PG_URL='postgresql://gistack:$password@127.0.0.1:$(cat "$dir/port")/postgres'"
    echo "export GISTACK_TEST_PG_CTL='$self ctl $dir'"
    ;;
ctl)
    pg_ctl_run "${3:?ctl needs stop or start}"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        pg_ctl_run stop || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: test-cluster.sh start|ctl|stop DIR" >&2
    exit 2
    ;;
esac
