#!/usr/bin/env bash
# Draws the libraries and executables and what each links (cmake --graphviz), the picture in
# docs/architecture.md: bash scripts/architecture-graph.sh [BUILD_DIR]. Needs graphviz's `dot`
# (apt-get install graphviz); configures BUILD_DIR (default build/) if it is not yet.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
mkdir -p "$build/graphviz"
# Our own targets only: no tests, drivers, bench, Qt's generated plugin and object libraries,
# and no third-party libraries (docs/architecture.md lists those and why).
cat > "$build/CMakeGraphVizOptions.cmake" <<'OPTIONS'
set(GRAPHVIZ_GRAPH_NAME "Qingshui")
set(GRAPHVIZ_EXTERNAL_LIBS FALSE)
set(GRAPHVIZ_OBJECT_LIBS FALSE)
set(GRAPHVIZ_INTERFACE_LIBS FALSE)
set(GRAPHVIZ_CUSTOM_TARGETS FALSE)
set(GRAPHVIZ_GENERATE_PER_TARGET FALSE)
set(GRAPHVIZ_GENERATE_DEPENDERS FALSE)
set(GRAPHVIZ_IGNORE_TARGETS "^tst_" "driver$" "^qingshui-bench$" "plugin$")
OPTIONS
cmake -S . -B "$build" --graphviz="$build/graphviz/qingshui.dot" > /dev/null
dot -Tsvg "$build/graphviz/qingshui.dot" -o docs/architecture.svg
echo "docs/architecture.svg"
