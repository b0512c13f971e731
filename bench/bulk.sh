#!/usr/bin/env bash
# Bulk throughput: posctl update (GET + merge + PATCH, in $batch requests, 16 in flight) against
# curl --parallel --parallel-max 16 sending the same edits as blind PATCHes, one request each,
# to the same standalone sandbox; with no added latency and with 50 ms per request.
# posctl runs through its launcher (bin/posctl from the distribution archive), as users run it.
# Usage: bench/bulk.sh            (N=10000 edits; build first: mvn -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
JAVA=${JAVA:-java}
work=$(mktemp -d)
tar xzf target/posctl-*.tar.gz -C "$work"
POSCTL=$(ls -d "$work"/posctl-*/bin/posctl)
export XDG_CACHE_HOME="$work/cache"
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

now() { date +%s.%N; }

server=""
serve() { # $1: chaos spec or empty; sets $server and $url (runs in this shell, so it can be stopped)
  local args=(sandbox serve --memory --demo-users "$N" --port 0 -q)
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
  # warm the server's JIT with a little of both kinds of traffic, so neither side meets it cold
  N=500 edits "warm" | head -500 > "$work/warm.ndjson"
  POSCTL_ENDPOINT="$url" POSCTL_TOKEN=bench "$POSCTL" update -f "$work/warm.ndjson" -q --progress off -o ndjson > /dev/null
  N=500 curl_config "$url" "warm" > "$work/warm.cfg"
  curl -s --no-progress-meter --parallel --parallel-max 16 -K "$work/warm.cfg"
  edits "posctl-$1" > "$work/edits.ndjson"
  curl_config "$url" "curl-$1" > "$work/curl.cfg"
  local t0 t1 t2
  t0=$(now)
  POSCTL_ENDPOINT="$url" POSCTL_TOKEN=bench "$POSCTL" update -f "$work/edits.ndjson" \
    --concurrency 16 -o ndjson -q --progress off > "$work/posctl.out"
  t1=$(now)
  curl -s --no-progress-meter --parallel --parallel-max 16 -K "$work/curl.cfg"
  t2=$(now)
  kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true
  local updated; updated=$(grep -c '"status":"updated"' "$work/posctl.out" || true)
  awk -v l="$1" -v n="$N" -v u="$updated" -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {
    p = n / (b - a); q = n / (c - b)
    printf "%-22s posctl %8.0f edits/s (%d updated, %.1f s)   curl %8.0f edits/s (%.1f s)   ratio %.1fx\n", l, p, u, b - a, q, c - b, p / q }'
}

echo "bulk benchmark: $N edits, java $("$JAVA" -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) cores"
run "no added latency" ""
run "50 ms per request" "latency=50ms"
