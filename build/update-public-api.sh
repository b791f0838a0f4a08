#!/usr/bin/env bash
# Records the public API of every library in PublicAPI.Unshipped.txt (PublicApiAnalyzers RS0016/RS0017).
# Run after changing a public signature; review the diff of the .txt files like code.
set -euo pipefail
cd "$(dirname "$0")/.."
for proj in src/*/*.csproj; do
  grep -q '<OutputType>Exe</OutputType>' "$proj" && continue
  dir=$(dirname "$proj")
  for f in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -f "$dir/$f" ] || printf '#nullable enable\n' > "$dir/$f"
  done
  dotnet format analyzers "$proj" --diagnostics RS0016 RS0017 RS0037 --severity info -v q || true
  echo "updated $dir"
done
