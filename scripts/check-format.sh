#!/usr/bin/env bash
# Fails when a tracked C++ file does not match .clang-format (Debian 12's clang-format 14),
# naming each file and line; `clang-format -i FILE` fixes one. Run by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files -z '*.cpp' '*.h' | xargs -0 clang-format --dry-run --Werror
echo "check-format: $(git ls-files '*.cpp' '*.h' | wc -l) C++ files match .clang-format"
