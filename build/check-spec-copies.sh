#!/usr/bin/env bash
# The repository keeps copies of a few public facts from the team's shared reference folder so that a
# clone builds and tests alone: the rule and metric ids of rules.md and the production-calendar files.
# When that folder is at hand (CI has it beside the repository), this script checks the copies still
# equal their sources. Usage: build/check-spec-copies.sh PATH-TO-SHARED
set -euo pipefail
shared=${1:?usage: build/check-spec-copies.sh PATH-TO-SHARED}
root=$(cd "$(dirname "$0")/.." && pwd)
status=0

expected=$(python3 - "$shared/spec/rules.md" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
def section(a, b):
    i = text.index(a); return text[i:text.index(b, i)]
def ids(s):
    out = []
    for m in re.finditer(r'^\| (`[a-z0-9-]+`(?:, `[a-z0-9-]+`)*) \|', s, re.M):
        out += re.findall(r'`([a-z0-9-]+)`', m.group(1))
    return out
for kind, s in (("rule", section("## Rules", "## Metrics")), ("metric", section("## Metrics", "## Presets"))):
    for x in ids(s):
        print(kind, x)
PY
)
actual=$(grep -v '^#' "$root/tests/Eljur.Rules.Tests/Catalog/rules-md-ids.txt")
if [ "$expected" != "$actual" ]; then
  echo "spec copy: tests/Eljur.Rules.Tests/Catalog/rules-md-ids.txt differs from spec/rules.md:" >&2
  diff <(echo "$expected") <(echo "$actual") >&2 || true
  status=1
fi

for source in "$shared"/calendar/ru/*.xml; do
  copy="$root/build/calendar/ru/$(basename "$source")"
  if [ ! -f "$copy" ]; then
    echo "calendar copy: $(basename "$source") is missing from build/calendar/ru" >&2
    status=1
  elif ! cmp -s <(tr -d '\r' <"$source") <(tr -d '\r' <"$copy"); then  # git stores text with LF line ends
    echo "calendar copy: build/calendar/ru/$(basename "$source") differs from its source" >&2
    status=1
  fi
done

[ "$status" -eq 0 ] && echo "spec copies: the rule ids and the calendar files equal their sources"
exit "$status"
