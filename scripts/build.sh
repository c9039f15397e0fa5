#!/usr/bin/env bash
# Configures (once) and builds Qingshui into build/ with Ninja. QS_WERROR=ON (scripts/test.sh,
# hence CI) makes warnings errors; it takes effect when the folder is first configured.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${QS_BUILD_DIR:-build}
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=${QS_BUILD_TYPE:-RelWithDebInfo} \
    -DQS_WERROR=${QS_WERROR:-OFF} >/dev/null
fi
cmake --build "$BUILD_DIR"
