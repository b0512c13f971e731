#!/usr/bin/env bash
# Offline validation speed: posctl validate of N NDJSON edits with the heap capped at 256 MB,
# against jq only parsing the same file. Prints the median of RUNS runs of each.
# Usage: bench/validate.sh   (N=1000000, RUNS=5, SHAPE=small|large, JAR=target/posctl.jar; build first)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000000}
RUNS=${RUNS:-5}
JAR=${JAR:-target/posctl.jar}
JAVA=${JAVA:-java}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# SHAPE=small: the edit of the issue's example (userId, id, detail.jobTitle), about 90 bytes a line;
# SHAPE=large: also company, start date, isCurrent and audience, about 225 bytes a line
if [ "${SHAPE:-small}" = large ]; then
  awk -v n="$N" 'BEGIN { for (i = 0; i < n; i++)
    printf "{\"userId\":\"user%d@contoso.com\",\"id\":\"pos-%d\",\"detail\":{\"jobTitle\":\"Engineer %d\",\"company\":{\"displayName\":\"Contoso\",\"department\":\"Eng\"},\"startMonthYear\":\"2021-03-01\"},\"isCurrent\":true,\"allowedAudiences\":\"organization\"}\n", i, i, i % 50 }' > "$work/edits.ndjson"
else
  awk -v n="$N" 'BEGIN { for (i = 0; i < n; i++)
    printf "{\"userId\":\"user%d@contoso.com\",\"id\":\"pos-%d\",\"detail\":{\"jobTitle\":\"Engineer %d\"}}\n", i, i, i % 50 }' > "$work/edits.ndjson"
fi

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
timeit() { local t0 t1; t0=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; t1=$(date +%s.%N); awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f\n", b - a }'; }

echo "validate benchmark: $N edits ($(du -h "$work/edits.ndjson" | cut -f1)), java $("$JAVA" -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) cores"
p=$(for _ in $(seq "$RUNS"); do timeit "$JAVA" -Xmx256m -jar "$JAR" validate -f "$work/edits.ndjson" -o json -q; done | median)
"$JAVA" -Xmx256m -jar "$JAR" validate -f "$work/edits.ndjson" -o json -q > /dev/null && ok=valid || ok="NOT valid"
echo "posctl validate -Xmx256m  median ${p} s, $(awk -v n="$N" -v t="$p" 'BEGIN { printf "%.0f", n / t }') edits/s parsed and validated, start-up included (the edits are $ok)"
if command -v jq > /dev/null; then
  j=$(for _ in $(seq "$RUNS"); do timeit jq -c . "$work/edits.ndjson"; done | median)
  echo "jq -c . (parse only)      median ${j} s"
fi
