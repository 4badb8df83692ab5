#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests (pytest --pg), on a Unix socket in a folder.
#
#   eval "$(scripts/pg_cluster.sh start /tmp/kankei-pg)"   # prints: export KANKEI_TEST_PG=…
#   pytest --pg …
#   scripts/pg_cluster.sh stop /tmp/kankei-pg               # stops it and removes the folder
#
# The server refuses to run as root: started as root, it runs as the `postgres` user (made by
# Debian's postgresql package), which is given the folder. Only the socket listens (no TCP),
# trust authentication on it, and durability off (fsync): nothing here outlives the tests.
set -euo pipefail
action=${1:?start or stop}
dir=${2:?a folder for the cluster}
bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$bin/pg_ctl" ] || { echo "no PostgreSQL server binaries (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
owner=$( [ "$(id -u)" = 0 ] && echo postgres || id -un )

case "$action" in
  start)
    mkdir -p "$dir/socket"
    [ "$(id -u)" = 0 ] && chown -R postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -A trust -E UTF8 --locale=C.UTF-8 -U "$owner" >"$dir/initdb.log" 2>&1
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-k $dir/socket -h '' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null
    echo "export KANKEI_TEST_PG='postgresql:///postgres?host=$dir/socket&user=$owner'"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "start or stop" >&2; exit 2 ;;
esac
