#!/usr/bin/env bash
# Applies .clang-format to every C++ file git tracks; with --check changes nothing and fails,
# naming the files, when any differs (scripts/test.sh runs the check).
set -euo pipefail
cd "$(dirname "$0")/.."
clang_format=$(command -v clang-format-14 || command -v clang-format || true)
if [ -z "$clang_format" ]; then
  echo "format.sh: clang-format not found (scripts/setup.sh installs clang-format-14)" >&2
  exit 2
fi
mode=apply
case "${1:-}" in
  "") ;;
  --check) mode=check ;;
  *) echo "format.sh: unknown argument '$1' (expected --check)" >&2; exit 2 ;;
esac
mapfile -t files < <(git ls-files '*.cpp' '*.hpp')
if [ "$mode" = apply ]; then
  "$clang_format" -i --style=file "${files[@]}"
  echo "format.sh: formatted ${#files[@]} files"
  exit 0
fi
bad=()
for f in "${files[@]}"; do
  if ! "$clang_format" --style=file --dry-run --Werror "$f" >/dev/null 2>&1; then bad+=("$f"); fi
done
if [ ${#bad[@]} -gt 0 ]; then
  echo "format.sh: ${#bad[@]} of ${#files[@]} files differ from .clang-format (run scripts/format.sh):"
  printf '  %s\n' "${bad[@]}"
  exit 1
fi
echo "format.sh: all ${#files[@]} files match .clang-format"
