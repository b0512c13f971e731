#!/usr/bin/env bash
# Export throughput: posctl export of N users ($batch list reads of 20 users, C in flight) against
# curl --parallel --parallel-max C reading the same lists, one GET /users/U/profile/positions each,
# from the same standalone sandbox with 50 ms added to every request.
# posctl runs through its launcher (bin/posctl from the distribution archive), as users run it.
# Usage: bench/export.sh          (N=10000 users, ROUNDS=3, C=16; build first: mvn -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
ROUNDS=${ROUNDS:-3}     # each side runs ROUNDS times, alternating; the figures are medians
WARM=${WARM:-2000}      # users read (by both sides) to warm the server before measuring
C=${C:-16}              # posctl --concurrency and curl --parallel-max
LATENCY_MS=${LATENCY_MS:-50}
JAVA=${JAVA:-java}
. bench/lib.sh

users() { # $1: how many; the sandbox's demo users, one a line
  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "user%d@contoso.com\n", i }'
}

curl_config() { # $1: base url, $2: how many
  awk -v n="$2" -v base="$1" 'BEGIN { for (i = 0; i < n; i++) {
    printf "url = \"%s/users/user%d%%40contoso.com/profile/positions\"\n", base, i
    print "header = \"Authorization: Bearer bench\""
    print "output = \"/dev/null\""
    if (i < n - 1) print "next" } }'
}

: > "$work/url"
"$POSCTL" sandbox serve --memory --demo-users "$(( N > WARM ? N : WARM ))" --port 0 -q \
  --chaos "latency=${LATENCY_MS}ms" --seed 1 > "$work/url" &
server=$!
for _ in $(seq 1 200); do [ -s "$work/url" ] && break; sleep 0.1; done
url=$(head -1 "$work/url")
[ -n "$url" ] || { echo "the sandbox did not start" >&2; exit 1; }

export_users() { # $1: users file; the documents go to $work/export.out
  POSCTL_ENDPOINT="$url" POSCTL_TOKEN=bench "$POSCTL" export -f "$1" --concurrency "$C" -o ndjson -q --progress off \
    > "$work/export.out"
}

# warm the server's JIT with both kinds of traffic, so that neither side meets it cold
users "$WARM" > "$work/warm.txt"
export_users "$work/warm.txt"
curl_config "$url" "$WARM" > "$work/warm.cfg"
curl -s --no-progress-meter --parallel --parallel-max "$C" -K "$work/warm.cfg"

users "$N" > "$work/users.txt"
curl_config "$url" "$N" > "$work/curl.cfg"
p=() c=() cpu=()
for _ in $(seq 1 "$ROUNDS"); do
  t0=$(now)
  # the client's CPU (user + system seconds of the launcher and its JVM), beside the wall clock
  { TIMEFORMAT='%U %S'; time export_users "$work/users.txt"; } 2> "$work/cpu"
  t1=$(now)
  cpu+=("$(awk '{ print $1 + $2 }' "$work/cpu")")
  curl -s --no-progress-meter --parallel --parallel-max "$C" -K "$work/curl.cfg"
  t2=$(now)
  exported=$(wc -l < "$work/export.out")
  [ "$exported" -eq "$N" ] || { echo "posctl exported $exported of $N users" >&2; exit 1; }
  p+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')")
  c+=("$(awk -v b="$t1" -v c="$t2" 'BEGIN { print c - b }')")
done
kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true
server=""

echo "export benchmark: $N users, $LATENCY_MS ms per request, $C in flight, java $("$JAVA" -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) cores"
# the most batched reads can do: C requests of 20 users in flight, each taking the added latency;
# curl's is C single reads in flight
awk -v n="$N" -v p="${p[*]}" -v c="${c[*]}" -v cpu="${cpu[*]}" -v conc="$C" -v ms="$LATENCY_MS" '
  function median(s,   a, k, i, j, t) { k = split(s, a, " ")
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return (k % 2) ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
  BEGIN { ps = median(p); cs = median(c); ceiling = conc * 20 / (ms / 1000)
    printf "posctl export  %6.0f users/s, median %.2f s wall (of: %s); ceiling %d x 20 / %d ms = %.0f users/s, posctl at %.2f of it\n",
      n / ps, ps, p, conc, ms, ceiling, n / ps / ceiling
    printf "               client CPU %.2f s (median, user + system, per %d users)\n", median(cpu), n
    printf "curl GETs      %6.0f users/s, median %.2f s wall (of: %s); ceiling %d / %d ms = %.0f users/s; posctl %.1fx curl\n",
      n / cs, cs, c, conc, ms, conc / (ms / 1000), cs / ps }'
