#!/usr/bin/env bash
# Peak memory (max RSS, /usr/bin/time -v) of `eljur fetch` against a loopback ЭлЖур stand-in whose
# getdiary answers are very large: four weekly chunks of one class, each answer N MB.
#
#   benchmarks/response-memory/run.sh [ELJUR_DLL] [CASES…]
#
# ELJUR_DLL defaults to the Release build of src/Eljur.Cli (built first if missing). A case is
# SIZE_MB:FRAMING[:CAP_MB], e.g. 25:close (answers of 25 MB, sent without a length) or
# 100:length:200 (announced 100 MB answers, --max-response-mb 200). Default cases: the ones in
# docs/performance.md. Prints one line per case: size, framing, cap, exit code, max RSS (MB),
# wall time, and the first line of stderr. Loopback only; each server stops after 15 minutes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dll="${1:-$root/src/Eljur.Cli/bin/Release/net10.0/eljur.dll}"
shift || true
if [[ ! -f "$dll" ]]; then
  dotnet build "$root/src/Eljur.Cli" -c Release >/dev/null
fi
cases=("$@")
if [[ ${#cases[@]} -eq 0 ]]; then
  cases=(25:close 25:length 100:close 100:length 100:close:200 100:length:200)
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"; [[ -n "${server:-}" ]] && kill "$server" 2>/dev/null || true' EXIT
printf '%-8s %-7s %-6s %-5s %-12s %-8s %s\n' answer framing cap exit "max RSS MB" "wall s" "stderr"
for c in "${cases[@]}"; do
  IFS=: read -r size framing cap <<<"$c"
  python3 "$here/mock_eljur.py" --diary-mb "$size" --framing "$framing" --lifetime 900 >"$work/port" &
  server=$!
  for _ in $(seq 1200); do [[ -s "$work/port" ]] && break; sleep 0.1; done
  port="$(head -1 "$work/port")"
  extra=()
  [[ -n "${cap:-}" ]] && extra=(--max-response-mb "$cap")
  set +e
  /usr/bin/time -v -o "$work/time" dotnet "$dll" fetch --connector eljur --base-url "http://127.0.0.1:$port/apiv3" \
    --vendor bench --devkey 0123456789abcdef0123456789abcdef --token bench-token --time-zone Europe/Moscow \
    --from 2024-09-02 --to 2024-09-29 --out "$work/out.json" "${extra[@]}" >/dev/null 2>"$work/err"
  code=$?
  set -e
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  server=
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$work/time")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time")
  printf '%-8s %-7s %-6s %-5s %-12s %-8s %s\n' "${size}MB" "$framing" "${cap:-32}" "$code" "$rss" "$wall" "$(head -c 300 "$work/err" | head -1)"
  rm -f "$work/out.json" "$work/port"
done
