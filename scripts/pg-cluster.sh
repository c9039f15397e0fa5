#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests and benchmarks.
#
#   scripts/pg-cluster.sh start DIR [-c name=value ...]   initdb into DIR/data, start it,
#                                                         print its connection URL
#   scripts/pg-cluster.sh stop DIR                        stop it and delete DIR's contents
#   scripts/pg-cluster.sh url DIR                         print the URL (nothing started)
#   scripts/pg-cluster.sh down DIR | up DIR              stop the running cluster, keeping its
#                                                         data / start it again (a database
#                                                         server that goes away and comes back)
#
# The cluster listens ONLY on a unix socket inside DIR (no TCP port), so any number of runs
# on one machine never collide. Authentication is trust, fsync is off: it holds test data
# only. initdb refuses to run as root, so as root everything runs as the user postgres
# (runuser); otherwise as yourself. Extra `-c name=value` go to the postmaster (e.g. a small
# max_connections). Any failure exits non-zero with the server's log on stderr.
set -euo pipefail

usage() {
  echo "usage: $0 start DIR [-c name=value ...] | stop DIR | url DIR | down DIR | up DIR" >&2
  exit 2
}
[ $# -ge 2 ] || usage
action=$1
dir=$2
shift 2

PGBIN=${QS_PGBIN:-/usr/lib/postgresql/15/bin}
# The unix socket file the server makes in DIR; its path must fit in sockaddr_un (107 bytes).
SOCKET_NAME=.s.PGSQL.5432

fail() {
  echo "pg-cluster: $*" >&2
  exit 1
}

# Runs a command as the cluster's owner: postgres when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

absolute_dir() {
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  local socket="$dir/$SOCKET_NAME"
  [ ${#socket} -le 107 ] || fail "socket path too long for a unix socket (${#socket} > 107 bytes): $socket"
}

url() {
  echo "postgresql://postgres@/postgres?host=$dir"
}

is_running() {
  [ -f "$dir/data/postmaster.pid" ] && as_owner "$PGBIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

stop_cluster() {
  if is_running; then
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null \
      || fail "pg_ctl stop failed for $dir/data"
  fi
  rm -rf "$dir/data" "$dir/server.log" "$dir/options" "$dir/$SOCKET_NAME" "$dir/$SOCKET_NAME.lock"
}

postmaster_options() {
  echo "-c listen_addresses='' -k $dir -c fsync=off -c synchronous_commit=off \
    -c full_page_writes=off -c max_connections=200 $*"
}

start_postmaster() {
  if ! as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "$(postmaster_options "$@")" start >/dev/null; then
    cat "$dir/server.log" >&2 2>/dev/null || true
    fail "the cluster in $dir did not start"
  fi
}

start_cluster() {
  [ -x "$PGBIN/initdb" ] || fail "no PostgreSQL 15 in $PGBIN (scripts/install-deps.sh installs postgresql-15)"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || fail "running as root but there is no user postgres to own the cluster"
    chown postgres: "$dir"
  fi
  as_owner test -w "$dir" || fail "$(as_owner id -un) cannot write $dir (a parent folder closed to it?)"

  # A cluster left behind by an interrupted run in the same DIR goes first.
  stop_cluster

  local initlog
  if ! initlog=$(as_owner "$PGBIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 \
      --locale=C.UTF-8 --no-sync 2>&1); then
    echo "$initlog" >&2
    fail "initdb failed in $dir/data"
  fi

  start_postmaster "$@"
  # Options given at start hold again after `up`.
  echo "$*" >"$dir/options"
  as_owner "$PGBIN/psql" -X -q -h "$dir" -U postgres -d postgres -Atc 'select 1' >/dev/null \
    || { cat "$dir/server.log" >&2; fail "the cluster in $dir started but does not answer"; }
  url
}

case "$action" in
  start)
    absolute_dir
    extra=()
    while [ $# -gt 0 ]; do
      [ "$1" = "-c" ] && [ $# -ge 2 ] || usage
      extra+=("-c" "$2")
      shift 2
    done
    start_cluster "${extra[@]+"${extra[@]}"}"
    ;;
  stop)
    [ $# -eq 0 ] || usage
    absolute_dir
    stop_cluster
    rmdir "$dir" 2>/dev/null || true
    ;;
  down)
    [ $# -eq 0 ] || usage
    absolute_dir
    is_running || fail "no cluster runs in $dir"
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null \
      || fail "pg_ctl stop failed for $dir/data"
    ;;
  up)
    [ $# -eq 0 ] || usage
    absolute_dir
    [ -d "$dir/data" ] || fail "no cluster in $dir (start makes one)"
    is_running || start_postmaster $(cat "$dir/options" 2>/dev/null || true)
    url
    ;;
  url)
    [ $# -eq 0 ] || usage
    absolute_dir
    url
    ;;
  *) usage ;;
esac
