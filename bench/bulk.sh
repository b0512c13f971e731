#!/usr/bin/env bash
# Bulk throughput: posctl update (GET + merge + PATCH, in $batch requests, 16 in flight) against
# curl --parallel --parallel-max 16 sending the same edits as blind PATCHes, one request each,
# to the same standalone sandbox; with no added latency and with 50 ms per request.
# posctl runs through its launcher (bin/posctl from the distribution archive), as users run it.
# Usage: bench/bulk.sh            (N=10000 edits, ROUNDS=3; build first: mvn -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
ROUNDS=${ROUNDS:-3}   # each side runs ROUNDS times, alternating; the figures are medians
WARM=${WARM:-3000}    # edits (and curl requests) that warm the server before measuring
JAVA=${JAVA:-java}
work=$(mktemp -d)
tar xzf target/posctl-*.tar.gz -C "$work"
POSCTL=$(ls -d "$work"/posctl-*/bin/posctl)
export XDG_CACHE_HOME="$work/cache"
server=""
# the last status of an EXIT trap becomes the script's: a killed server's must not
trap 'if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi; rm -rf "$work"' EXIT

# the launcher trains its class-data-sharing archive in the background on first use: let it finish,
# or it would compete for the cores with the first rounds
"$POSCTL" --help > /dev/null
for _ in $(seq 1 600); do
  ls "$XDG_CACHE_HOME"/posctl/posctl-*.jsa > /dev/null 2>&1 && break
  sleep 0.1
done

now() { date +%s.%N; }

serve() { # $1: chaos spec or empty; sets $server and $url (runs in this shell, so it can be stopped)
  # enough users for the warm-up's edits too, whichever is more
  local args=(sandbox serve --memory --demo-users "$(( N > WARM ? N : WARM ))" --port 0 -q)
  [ -n "$1" ] && args+=(--chaos "$1" --seed 1)
  : > "$work/url"
  "$POSCTL" "${args[@]}" > "$work/url" &
  server=$!
  for _ in $(seq 1 200); do [ -s "$work/url" ] && break; sleep 0.1; done
  url=$(head -1 "$work/url")
  [ -n "$url" ] || { echo "the sandbox did not start" >&2; exit 1; }
}

edits() { # $1: title prefix
  awk -v n="$N" -v t="$1" 'BEGIN { for (i = 0; i < n; i++)
    printf "{\"userId\":\"user%d@contoso.com\",\"id\":\"pos-%d\",\"detail\":{\"jobTitle\":\"%s %d\"}}\n", i, i, t, i }'
}

curl_config() { # $1: base url, $2: title prefix
  awk -v n="$N" -v base="$1" -v t="$2" 'BEGIN { for (i = 0; i < n; i++) {
    printf "url = \"%s/users/user%d%%40contoso.com/profile/positions/pos-%d\"\n", base, i, i
    print "request = \"PATCH\""
    print "header = \"Content-Type: application/json\""
    print "header = \"Authorization: Bearer bench\""
    printf "data = \"{\\\"detail\\\":{\\\"jobTitle\\\":\\\"%s %d\\\"}}\"\n", t, i
    print "output = \"/dev/null\""
    if (i < n - 1) print "next" } }'
}

run() { # $1: label, $2: chaos spec
  serve "$2"
  # warm the server's JIT with plenty of both kinds of traffic, so that neither side meets it cold
  # (whichever ran first would otherwise pay for the server's interpreted start)
  N=$WARM edits "warm" > "$work/warm.ndjson"
  for _ in 1 2; do
    POSCTL_ENDPOINT="$url" POSCTL_TOKEN=bench "$POSCTL" update -f "$work/warm.ndjson" -q --progress off -o ndjson > /dev/null
    N=$WARM edits "warm again" > "$work/warm.ndjson"
  done
  N=$WARM curl_config "$url" "warm" > "$work/warm.cfg"
  curl -s --no-progress-meter --parallel --parallel-max 16 -K "$work/warm.cfg"
  local p=() c=() cpu=() r t0 t1 t2 updated
  for r in $(seq 1 "$ROUNDS"); do
    edits "posctl-$1-$r" > "$work/edits.ndjson"
    curl_config "$url" "curl-$1-$r" > "$work/curl.cfg"
    t0=$(now)
    # the client's CPU (user + system seconds of the launcher and its JVM), beside the wall clock
    { TIMEFORMAT='%U %S'; time POSCTL_ENDPOINT="$url" POSCTL_TOKEN=bench "$POSCTL" update -f "$work/edits.ndjson" \
      --concurrency 16 -o ndjson -q --progress off > "$work/posctl.out"; } 2> "$work/cpu"
    t1=$(now)
    cpu+=("$(awk '{ print $1 + $2 }' "$work/cpu")")
    curl -s --no-progress-meter --parallel --parallel-max 16 -K "$work/curl.cfg"
    t2=$(now)
    updated=$(grep -c '"status":"updated"' "$work/posctl.out" || true)
    [ "$updated" = "$N" ] || { echo "posctl updated $updated of $N edits" >&2; exit 1; }
    p+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')")
    c+=("$(awk -v b="$t1" -v c="$t2" 'BEGIN { print c - b }')")
  done
  kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true
  server=""
  # the most any safe merge can do: each edit needs a read and a write, 16 requests of 20 items in
  # flight, each taking the added latency (no ceiling to speak of without one)
  local ceiling=""
  [ -n "${3:-}" ] && ceiling=$(awk -v ms="$3" 'BEGIN { print 16 * 20 / (2 * ms / 1000) }')
  awk -v l="$1" -v n="$N" -v p="${p[*]}" -v c="${c[*]}" -v cpu="${cpu[*]}" -v ceiling="$ceiling" '
    function median(s,   a, k, i, j, t) { k = split(s, a, " ")
      for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return (k % 2) ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
    BEGIN { ps = median(p); cs = median(c)
      printf "%-20s posctl %6.0f edits/s (median %.2f s of: %s)   curl %6.0f edits/s (median %.2f s of: %s)   ratio %.1fx\n",
        l, n / ps, ps, p, n / cs, cs, c, cs / ps
      printf "%-20s client CPU %.2f s per 10,000 edits", "", median(cpu) * 10000 / n
      if (ceiling != "") printf "; safe-merge ceiling %.0f edits/s, posctl at %.2f of it", ceiling, n / ps / ceiling
      printf "\n" }'
}

echo "bulk benchmark: $N edits, java $("$JAVA" -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) cores"
run "no added latency" ""
run "50 ms per request" "latency=50ms" 50
