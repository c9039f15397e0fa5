#!/usr/bin/env bash
# Installs what is missing, checks the C++ formatting and the layer rules, builds, lints the
# QML (qmllint with the checks qml/.qmllint.ini keeps: those reliable on Qt 6.4), runs
# every test headless, then the unit tests once more under ASan + UBSan
# (scripts/test-sanitizers.sh, its own build folder; QS_SANITIZE_TESTS=0 skips that part
# locally). This is what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/check-format.sh
bash scripts/check-layers.sh
QS_WERROR=${QS_WERROR:-ON} bash scripts/build.sh
cmake --build "${QS_BUILD_DIR:-build}" --target qs_ui_qmllint
export QT_QPA_PLATFORM=offscreen
(cd "${QS_BUILD_DIR:-build}" && ctest --output-on-failure --parallel 2 --timeout 900)
if [ "${QS_SANITIZE_TESTS:-1}" != 0 ]; then
  bash scripts/test-sanitizers.sh
fi
