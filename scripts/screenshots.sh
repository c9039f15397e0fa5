#!/usr/bin/env bash
# Makes docs/screenshots again from real windows under Xvfb: each test below walks the real
# QML against a real server and, given QS_SCREENSHOT_DIR, saves the pages it reaches.
#   bash scripts/screenshots.sh            (after scripts/build.sh; needs xvfb-run)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${QS_BUILD_DIR:-build}
OUT=$(pwd)/docs/screenshots
mkdir -p "$OUT"
rm -f "$OUT"/*.png # what no test makes any more goes

shoot() {
  echo "== $*"
  QS_SCREENSHOT_DIR="$OUT" QT_QPA_PLATFORM=xcb \
    xvfb-run -a -s "-screen 0 3840x2160x24" "$@" >/dev/null
}

T="$BUILD_DIR/tests"
# The whole loop through the real apps (journey-NN-*.png): a tablet set up from its screen,
# a record with photos and GPS, the supervisor's record with its photos, the return, the
# diff, publishing, and the kiosk's gallery, record and map.
shoot "$T/tst_journey"
# The rectification ledger's loop (ledger-NN-*.png): a failing answer raises a problem, the
# supervisor assigns it, the tablet fixes and re-checks it on site, 销号, the kiosk's before/after.
shoot "$T/tst_ledgerjourney"
shoot "$T/tst_mapjourney"
# Pages the loop does not reach, each from the test that sets them up.
shoot "$T/tst_qml_enrolment" -input tests/enrolment/tst_connect_server.qml
shoot "$T/tst_qml_returned" -input tests/qml/returned/returned_test.qml
shoot "$T/tst_qml_review" -input tests/qml/review/review_photos_test.qml
shoot "$T/tst_qml_reviewflags" -input tests/qml/flags/reviewflags_test.qml
shoot "$T/tst_qml_dashboard" -input tests/qml/dashboard/dashboardpage_test.qml
# The map (issue 17): the tablet's at 1280×800 and 800×1280 with the form's GPS question, and
# the supervisor's queue on a map with a drawn selection.
shoot "$T/tst_qml_maplayers" -input tests/qml/maplayers/inspector_map_test.qml
shoot "$T/tst_qml_maplayers" -input tests/qml/maplayers/supervisor_map_test.qml
ls -l "$OUT"
