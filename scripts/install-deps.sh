#!/usr/bin/env bash
# Installs the Debian 12 packages Qingshui needs to build, run and test.
# Idempotent: asks dpkg what is missing and only calls apt-get for that.
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ pkg-config git clang-format
  qt6-base-dev qt6-declarative-dev qt6-positioning-dev libqt6positioning6-plugins
  qml6-module-qtpositioning qml6-module-qtqml qml6-module-qtqml-workerscript
  qml6-module-qtquick qml6-module-qtquick-window qml6-module-qtquick-controls
  qml6-module-qtquick-templates qml6-module-qtquick-layouts qml6-module-qtquick-shapes
  qml6-module-qtcore qml6-module-qttest qml6-module-qt-labs-folderlistmodel
  qml6-module-qtquick-dialogs
  libqt6sql6-sqlite libsqlite3-dev
  qt6-multimedia-dev qml6-module-qtmultimedia gstreamer1.0-plugins-base
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-qpa-plugins libgl1-mesa-dri
  libgrpc++-dev libprotobuf-dev protobuf-compiler protobuf-compiler-grpc
  libsodium-dev openssl libssl-dev
  postgresql-15 libpq-dev
  xvfb xauth fonts-noto-cjk
  gdal-bin unzip python3 libzip-dev qt6-charts-dev qml6-module-qtcharts
  libqrencode-dev libpng-dev libzxing-dev libturbojpeg0-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo -E); fi
echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
