#!/usr/bin/env bash
# Runs `qingshui-bench SUITE [ARGS...]` N times and prints, for each figure, its median and
# every run's value: `name median unit  (run1 · run2 · ...)`. The figures the issues record
# are these medians, taken on a quiet machine (check `uptime` first).
#   bash scripts/bench-medians.sh 5 sync
#   BENCH=build/tests/bench/qingshui-bench bash scripts/bench-medians.sh 5 store
set -euo pipefail
if [[ $# -lt 2 || ! $1 =~ ^[0-9]+$ ]]; then
    echo "usage: $0 RUNS SUITE [ARGS...]" >&2
    exit 2
fi
runs=$1
shift
bench=${BENCH:-$(dirname "$0")/../build/tests/bench/qingshui-bench}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "# $(uptime)" >&2
for ((i = 1; i <= runs; i++)); do
    "$bench" "$@" 2>"$out/err.$i" >"$out/run.$i" || {
        echo "run $i failed:" >&2
        tail -20 "$out/err.$i" >&2
        exit 1
    }
    echo "# run $i of $runs done" >&2
done
python3 - "$out" "$runs" <<'PY'
import sys, statistics
out, runs = sys.argv[1], int(sys.argv[2])
order, values, units = [], {}, {}
for i in range(1, runs + 1):
    for line in open(f"{out}/run.{i}"):
        parts = line.split()
        if len(parts) != 3:
            continue
        name, value, unit = parts
        try:
            v = float(value)
        except ValueError:
            continue
        if name not in values:
            order.append(name)
            values[name] = []
        values[name].append(v)
        units[name] = unit
for name in order:
    vs = values[name]
    print(f"{name} {statistics.median(vs):.3f} {units[name]}  ("
          + " · ".join(f"{v:.1f}" if abs(v) >= 10 else f"{v:.3f}" for v in vs) + ")")
PY
