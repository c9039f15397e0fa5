#!/usr/bin/env bash
# Builds the in-process unit tests with AddressSanitizer + UndefinedBehaviorSanitizer
# (QS_SANITIZE=ON) in a folder of their own, build-sanitize/ (QS_SANITIZE_BUILD_DIR), and runs
# them once: a memory error, a leak in our code or undefined behaviour fails the test that hits
# it, with the sanitizer's report in the output. scripts/test.sh runs it after the main tests
# (QS_SANITIZE_TESTS=0 skips it there).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${QS_SANITIZE_BUILD_DIR:-build-sanitize}

# The tests: every unit test that runs our domain, storage, media, positioning, reports, sync
# and server logic, models and controllers in its own process. Left out: the tests that start
# qingshui-server or qingshui processes (their code would run uninstrumented, or the whole app
# and server would have to be built here too), those that load QML (Qt Quick is most of their
# time and none of it is ours), the PostgreSQL ones (they need the cluster), and tst_formreturn
# (it brings its return through a real server).
TESTS=(
  # qs_core: the store, its repositories and migrations, search, forms, GPS, photos, reports
  tst_database tst_referencedata tst_recordrepository tst_recordfilter tst_publicfeedquery
  tst_searchtext tst_searchindex tst_photoreferences tst_migrations tst_formtemplate
  tst_formvalidation tst_fixaverager tst_gpscapture tst_photostore tst_photoeviction
  tst_photocache tst_dashboard tst_exports tst_reviewstore tst_recorddiff tst_returnnote
  tst_synclog tst_enrolmentrepository
  # the ledger: its rules, the device's store of it, its queries and CSV, the kiosk's feed
  tst_problemledger tst_problemrepository tst_ledgerquery tst_ledgercsv tst_publicledger
  # the small libraries: the enrolment code, SQLite statements, public renditions, ids
  tst_enrolmentcode tst_sqlitestatement tst_publicrendition tst_timeorderedid
  # qs_sync: back-off, the probe (a QTcpServer in the test), the kiosk's photo step
  tst_backoffpolicy tst_serverprobe tst_publicphotos
  # qs_server's classes in-process: blob files, the guess throttle, public copies, the call log
  tst_blobstore tst_guessthrottle tst_publiccontent tst_linewriter
  # qs_backend: controllers and their wording, the kiosk's C++ parts
  tst_formcontroller tst_validationtext tst_positionstatus tst_syncwording
  tst_reviewcontroller tst_reviewflags tst_refusaltext tst_figures tst_pairingmap
  tst_systemdnotifier tst_listmodels
  # the map: Web Mercator, datums, clustering, MBTiles files (bad ones made for real), the tile
  # provider's threads and cache, the viewport, the point layer, the layers' query and controller
  tst_webmercator tst_chinadatum tst_pointclusterer tst_mbtilesfile tst_maptileprovider
  tst_mapviewport tst_mappointlayer tst_mapmarkerquery tst_maplayercontroller
)

if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  # -O1 -g1: the sanitizers' usual level, with line numbers in their stack traces; it takes
  # about a third less compile time than -O2 -g (measured on three of the heaviest files).
  # Debug keeps Q_ASSERT on. No -Werror here: the main build checks the warnings, and
  # -fsanitize changes what GCC warns about. ccache when installed (CI has none: a cold build).
  launcher=()
  if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
    -DQS_SANITIZE=ON -DQS_WERROR=OFF "${launcher[@]}" >/dev/null
fi
cmake --build "$BUILD_DIR" --target "${TESTS[@]}"

export QT_QPA_PLATFORM=offscreen
# The first error ends the test with its report. Leaks are checked (LeakSanitizer) with the
# suppressions for third-party code in tests/sanitizers/lsan.supp; also use of a stack frame
# after its return and static initialisation order (cost: a few seconds on the whole run).
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0}
regex="^($(IFS='|'; echo "${TESTS[*]}"))\$"
cd "$BUILD_DIR"
count=$(ctest -N -R "$regex" | sed -n 's/^Total Tests: //p')
if [ "$count" != "${#TESTS[@]}" ]; then
  echo "test-sanitizers: ctest knows $count of the ${#TESTS[@]} tests listed here" >&2
  exit 1
fi
if ! ctest --output-on-failure --parallel 2 --timeout 600 -R "$regex"; then
  echo "test-sanitizers: FAILED under AddressSanitizer/UndefinedBehaviorSanitizer; the" \
       "sanitizer's report is in the failed test's output above (its binary: $BUILD_DIR/tests)" >&2
  exit 1
fi
echo "test-sanitizers: ${#TESTS[@]} unit tests pass under ASan + UBSan"
