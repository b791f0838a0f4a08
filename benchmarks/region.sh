#!/usr/bin/env bash
# The region benchmark: a night of N schools on 1, 2 and 3 gateway nodes (separate `eljur serve`
# processes) on one PostgreSQL database. Usage: benchmarks/region.sh [schools=24] [nodes=1,2,3]
# Starts a throwaway PostgreSQL unless ELJUR_TEST_POSTGRES is set.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${ELJUR_TEST_POSTGRES:-}" ]; then
  pg_env=$(build/postgres/start-test-server.sh)
  eval "$pg_env"
  trap 'eval "$ELJUR_TEST_POSTGRES_STOP"' EXIT
fi
dotnet build src/Eljur.Cli -c Release -nologo -v:q
dotnet run -c Release --project benchmarks/Eljur.RegionBenchmark -- src/Eljur.Cli/bin/Release/net10.0/eljur.dll "${1:-24}" "${2:-1,2,3}"
