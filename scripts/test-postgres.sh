#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (Debian's postgresql package):
#   scripts/test-postgres.sh start DIR   initdb + start on 127.0.0.1 and a free port; prints the
#                                        superuser's URL (postgres://postgres:PASSWORD@127.0.0.1:PORT/postgres)
#   scripts/test-postgres.sh stop DIR    stops it and removes DIR
# PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user.
set -euo pipefail
cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[ -n "$bin" ] || bin=$(dirname "$(command -v pg_ctl || echo /nonexistent/pg_ctl)")
[ -x "$bin/pg_ctl" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 3; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    chmod 700 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    as_owner bash -c "umask 077; printf '%s\n' '$password' > '$dir/pwfile'"
    # C collation: text sorts and compares byte by byte, as SQLite does.
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" \
      --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 --locale=C >"$dir/initdb.log"
    port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(String(s.address().port));s.close()})")
    # Durability is not what tests measure: no fsync makes CREATE DATABASE per test cheap.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null
    echo "postgres://postgres:$password@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -d "$dir/data" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
