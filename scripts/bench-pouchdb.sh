#!/usr/bin/env bash
# The PouchDB/CouchDB replication peer of `qingshui-bench sync`, measured on this machine.
#
#   scripts/bench-pouchdb.sh OUT [--sync BENCH]
#
# Installs pouchdb-server and pouchdb (tests/bench/pouchdb/package.json, exact versions) into a
# cache directory once, starts pouchdb-server on loopback, replicates 10,000 ~1 KB documents
# from a leveldb client at batch 100 (PouchDB's default) and at batch 500 (its best), and
# writes the peer's figures to OUT as `name value unit` lines. With --sync BENCH it then runs
# `BENCH sync` with QS_PEER_FIGURES=OUT, which prints its figures beside the peer's and the
# ratios (tests/bench/peerratios.cpp). Without it, pass OUT to a later run yourself:
#   QS_PEER_FIGURES=OUT build/tests/bench/qingshui-bench sync
#
# Environment: QS_POUCHDB_CACHE (the npm packages; default ~/.cache/qingshui/pouchdb),
# QS_POUCHDB_PORT (default 5985), QS_POUCHDB_DOCS (10000), QS_POUCHDB_REPS (3: the peer
# prints the median of its repetitions). Not part of CI: it needs the npm registry once.
set -euo pipefail

usage() {
  echo "usage: $0 OUT [--sync BENCH]" >&2
  exit 2
}
[ $# -ge 1 ] || usage
out=$1
shift
bench=
if [ $# -gt 0 ]; then
  [ $# -eq 2 ] && [ "$1" = --sync ] || usage
  bench=$2
  [ -x "$bench" ] || { echo "$0: $bench is not an executable" >&2; exit 2; }
fi

here=$(cd "$(dirname "$0")/.." && pwd)
peer_src=$here/tests/bench/pouchdb
cache=${QS_POUCHDB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/qingshui/pouchdb}
port=${QS_POUCHDB_PORT:-5985}
docs=${QS_POUCHDB_DOCS:-10000}
reps=${QS_POUCHDB_REPS:-3}

# The packages, once per package.json: reinstalled when it changes.
mkdir -p "$cache"
if ! cmp -s "$peer_src/package.json" "$cache/package.json" || [ ! -d "$cache/node_modules" ]; then
  cp "$peer_src/package.json" "$cache/package.json"
  (cd "$cache" && npm install --no-audit --no-fund --loglevel=error >&2)
fi
cp "$peer_src/bench_replicate.js" "$peer_src/bench_attach.js" "$cache/"

work=$(mktemp -d "${TMPDIR:-/tmp}/qs-pouchdb.XXXXXX")
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "$0: something already listens on 127.0.0.1:$port (set QS_POUCHDB_PORT)" >&2
  exit 1
fi
mkdir -p "$work/server" "$work/client"
(cd "$work/server" && exec "$cache/node_modules/.bin/pouchdb-server" --host 127.0.0.1 \
  --port "$port" --dir "$work/server" -n >"$work/server.log" 2>&1) &
server_pid=$!
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    break
  fi
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.2
done

# One batch size: the peer's median line
#   MEDIAN push_docs_per_s=N pull_docs_per_s=N local_bulkDocs_docs_per_s=N noop_resync_ms=N
# becomes pouchdb_{push,pull}_bBATCH_docs_per_s and pouchdb_noop_bBATCH_ms.
run_batch() {
  local batch=$1 log=$work/batch$1.log
  (cd "$cache" && POUCH_SERVER="http://127.0.0.1:$port" POUCH_LOCAL_DIR="$work/client" \
    node bench_replicate.js "$docs" leveldb "$batch" "$reps") | tee "$log" >&2
  awk -v b="$batch" '/^MEDIAN / {
      for (i = 2; i <= NF; ++i) { split($i, kv, "="); v[kv[1]] = kv[2] }
      printf "pouchdb_push_b%s_docs_per_s %s docs/s\n", b, v["push_docs_per_s"]
      printf "pouchdb_pull_b%s_docs_per_s %s docs/s\n", b, v["pull_docs_per_s"]
      printf "pouchdb_noop_b%s_ms %s ms\n", b, v["noop_resync_ms"]
      found = 1
    }
    END { exit found ? 0 : 1 }' "$log"
}

{
  echo "pouchdb_docs $docs docs"
  run_batch 100
  run_batch 500
} >"$out.partial"
mv "$out.partial" "$out"
cat "$out"

# The server goes before our own bench runs: it would take the cores the bench measures.
kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=
if [ -n "$bench" ]; then
  QS_PEER_FIGURES=$out "$bench" sync
fi
