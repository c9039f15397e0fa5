#!/usr/bin/env bash
# Installs what is missing, builds, starts qingshui-server on an embedded SQLite file in
# .local-data/ and opens qingshui connected to it, with demo data and simulated GPS.
#   bash scripts/run.sh [inspector|supervisor|kiosk]
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-inspector}
bash scripts/install-deps.sh
bash scripts/build.sh
BUILD_DIR=${QS_BUILD_DIR:-build}
DATA=.local-data
mkdir -p "$DATA"

SERVER="$BUILD_DIR/sync/server/qingshui-server"
# Demo accounts for the 16 water-source units (password below); kept if they exist already.
DEMO_PASSWORD=qingshui-demo
ALL_UNITS=$(tail -n +2 app/data/reference/units.csv | cut -d, -f1 | paste -sd, -)
for account in "demo-inspector inspector" "demo-supervisor supervisor" "demo-kiosk kiosk"; do
  set -- $account
  scope=(); [ "$2" = kiosk ] || scope=(--scope "$ALL_UNITS")
  echo "$DEMO_PASSWORD" | "$SERVER" user add "$1" --role "$2" "${scope[@]}" --db "$DATA/server.db" \
    >/dev/null 2>&1 || true
done

# The demo basemap (drawn by the build from the repository's data) for 淅川县, once: the
# tablet and the desk download it at their first sync, as they would a county's own.
if ! "$SERVER" basemap list --db "$DATA/server.db" 2>/dev/null | grep -q "演示底图"; then
  "$SERVER" basemap add "$BUILD_DIR/basemaps/qingshui-demo.mbtiles" --scope 411326 \
    --name "淅川县演示底图" --db "$DATA/server.db" >/dev/null
fi

"$SERVER" --db "$DATA/server.db" --listen 127.0.0.1:0 \
  >"$DATA/server.log" 2>&1 &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null || true; wait $SERVER_PID 2>/dev/null || true' EXIT

ADDRESS=""
for _ in $(seq 100); do
  ADDRESS=$(sed -n 's/^qingshui-server listening on \([^ ]*\) .*/\1/p' "$DATA/server.log")
  [ -n "$ADDRESS" ] && break
  kill -0 $SERVER_PID 2>/dev/null || { cat "$DATA/server.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$ADDRESS" ] || { echo "qingshui-server did not start; see $DATA/server.log" >&2; exit 1; }
echo "qingshui-server on $ADDRESS (data in $DATA/server.db, log in $DATA/server.log)"

APP=("$BUILD_DIR/app/qingshui" --mode "$MODE" --db "$DATA/$MODE.db" --server "$ADDRESS"
     --nmea app/data/nmea/xichuan_good_fix.nmea --demo --user "demo-$MODE")
export QINGSHUI_PASSWORD=$DEMO_PASSWORD
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "No display found: running the app under Xvfb (xvfb-run)."
  xvfb-run -a -s "-screen 0 1280x800x24" "${APP[@]}"
else
  "${APP[@]}"
fi
