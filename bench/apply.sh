#!/usr/bin/env bash
# Desired state at scale: posctl export of N users, 10% of their documents changed (a new job
# title), then `apply --plan`, `apply` (the changes) and `apply` again of the same files (nothing to
# change: reads only), against one standalone sandbox with 50 ms added to every request; beside
# curl --parallel sending the requests such a sync needs at the least (N list reads, then one PATCH
# per changed position, blind).
# posctl runs through its launcher (bin/posctl from the distribution archive), as users run it.
# Usage: bench/apply.sh           (N=10000 users, ROUNDS=3, C=16; build first: mvn -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
ROUNDS=${ROUNDS:-3}     # the figures are medians of ROUNDS runs (each round changes other titles)
C=${C:-16}              # posctl --concurrency and curl --parallel-max
LATENCY_MS=${LATENCY_MS:-50}
JAVA=${JAVA:-java}
. bench/lib.sh
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { print b - a }'; }

: > "$work/url"
"$POSCTL" sandbox serve --memory --demo-users "$N" --port 0 -q --chaos "latency=${LATENCY_MS}ms" --seed 1 > "$work/url" &
server=$!
for _ in $(seq 1 200); do [ -s "$work/url" ] && break; sleep 0.1; done
url=$(head -1 "$work/url")
[ -n "$url" ] || { echo "the sandbox did not start" >&2; exit 1; }
export POSCTL_ENDPOINT="$url" POSCTL_TOKEN=bench

awk -v n="$N" 'BEGIN { for (i = 0; i < n; i++) printf "user%d@contoso.com\n", i }' > "$work/users.txt"
posctl_() { "$POSCTL" "$@" --concurrency "$C" -q --progress off; }

e=() p=() a=() s=() c=() cpu=()
for round in $(seq 1 "$ROUNDS"); do
  t=$(now); posctl_ export -f "$work/users.txt" -o ndjson > "$work/desired.ndjson"; e+=("$(since "$t")")
  # every tenth user gets a new title for the first position in the document
  awk -v r="$round" 'NR % 10 == 1 { sub(/"jobTitle":"[^"]*"/, "\"jobTitle\":\"Bench title " r " " NR "\"") } { print }' \
    "$work/desired.ndjson" > "$work/changed.ndjson"
  t=$(now); code=0; posctl_ apply --plan -f "$work/changed.ndjson" -o ndjson > "$work/plan.out" || code=$?
  p+=("$(since "$t")")
  [ "$code" -eq 1 ] || { echo "apply --plan exited $code, expected 1 (changes planned)" >&2; exit 1; }
  t=$(now)
  { TIMEFORMAT='%U %S'; time posctl_ apply -f "$work/changed.ndjson" --yes -o ndjson > "$work/apply.out"; } 2> "$work/cpu"
  a+=("$(since "$t")"); cpu+=("$(awk '{ print $1 + $2 }' "$work/cpu")")
  updated=$(grep -c '"status":"updated"' "$work/apply.out" || true)
  [ "$updated" -eq $(( (N + 9) / 10 )) ] || { echo "apply updated $updated positions, expected $(( (N + 9) / 10 ))" >&2; exit 1; }
  t=$(now); code=0; posctl_ apply -f "$work/changed.ndjson" --yes -o ndjson > "$work/again.out" || code=$?
  s+=("$(since "$t")")
  [ "$code" -eq 0 ] || { echo "a second apply of the same files exited $code, expected 0 (nothing to change)" >&2; exit 1; }
  ! grep -q '"status":"updated"' "$work/again.out" || { echo "a second apply of the same files wrote something" >&2; exit 1; }
  # curl: the least a sync needs, N list reads and the changed positions' PATCHes, blind
  awk -v n="$N" -v base="$url" -v r="$round" 'BEGIN { for (i = 0; i < n; i++) {
      printf "url = \"%s/users/user%d%%40contoso.com/profile/positions\"\nheader = \"Authorization: Bearer bench\"\noutput = \"/dev/null\"\nnext\n", base, i }
    for (i = 0; i < n; i += 10) {
      printf "url = \"%s/users/user%d%%40contoso.com/profile/positions/pos-%d\"\nrequest = \"PATCH\"\n", base, i, i
      print "header = \"Content-Type: application/json\"\nheader = \"Authorization: Bearer bench\""
      printf "data = \"{\\\"detail\\\":{\\\"jobTitle\\\":\\\"curl %d %d\\\"}}\"\noutput = \"/dev/null\"\n", r, i
      if (i + 10 < n) print "next" } }' > "$work/curl.cfg"
  t=$(now); curl -s --no-progress-meter --parallel --parallel-max "$C" -K "$work/curl.cfg"; c+=("$(since "$t")")
done
kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true
server=""

echo "apply benchmark: $N users, 10% changed, $LATENCY_MS ms per request, $C in flight, java $("$JAVA" -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) cores"
awk -v n="$N" -v e="${e[*]}" -v p="${p[*]}" -v a="${a[*]}" -v s="${s[*]}" -v c="${c[*]}" -v cpu="${cpu[*]}" '
  function median(str,   x, k, i, j, t) { k = split(str, x, " ")
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (x[j] < x[i]) { t = x[i]; x[i] = x[j]; x[j] = t }
    return (k % 2) ? x[(k + 1) / 2] : (x[k / 2] + x[k / 2 + 1]) / 2 }
  BEGIN {
    printf "posctl export        %6.2f s (of: %s)\n", median(e), e
    printf "posctl apply --plan  %6.2f s (of: %s)\n", median(p), p
    printf "posctl apply         %6.2f s (of: %s); client CPU %.2f s\n", median(a), a, median(cpu)
    printf "posctl apply again   %6.2f s (of: %s): nothing to change, reads only\n", median(s), s
    printf "curl, least requests %6.2f s (of: %s): %d list reads + %d blind PATCHes; posctl apply (plan + writes) %.1fx curl\n",
      median(c), c, n, int((n + 9) / 10), median(c) / median(a) }'
