#!/usr/bin/env bash
# Bulk throughput: posctl update (GET + merge + PATCH, in $batch requests, 16 in flight) against
# curl --parallel --parallel-max 16 sending the same edits as blind PATCHes, one request each,
# to the same standalone sandbox; with no added latency and with 50 ms per request. The same for
# create (POST; curl's blind POSTs) and delete (DELETE of what each side created).
# posctl runs through its launcher (bin/posctl from the distribution archive), as users run it.
# Usage: bench/bulk.sh            (N=10000 edits, ROUNDS=3; build first: mvn -B -q package -DskipTests)
#        KINDS=update bench/bulk.sh           (only some of update, create and delete)
#        LATENCY=200 bench/bulk.sh            (another added latency: the longer, the less the cores matter)
#        DIST=/elsewhere/posctl-x.tar.gz CURL=0 bench/bulk.sh   (another build; CURL=0: posctl alone, to compare builds)
# For update it also replays posctl's own requests with curl: the same $batch reads and writes of 20,
# 16 in flight, without waiting for a chunk's read before its write. No client can do a safe merge
# faster than that replay on this machine, so its fraction of the ceiling is what the machine (the
# sandbox and the client sharing its cores) leaves of the ceiling. The server's CPU seconds are
# printed beside the client's.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
ROUNDS=${ROUNDS:-3}   # each side runs ROUNDS times, alternating; the figures are medians
WARM=${WARM:-3000}    # edits (and curl requests) that warm the server before measuring
JAVA=${JAVA:-java}
KINDS=${KINDS:-update create delete}
CURL=${CURL:-1}
LATENCY=${LATENCY:-50}  # ms added to every request in the second part
. bench/lib.sh

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

creates() { # $1: title prefix; one new position for each user
  awk -v n="$N" -v t="$1" 'BEGIN { for (i = 0; i < n; i++)
    printf "{\"userId\":\"user%d@contoso.com\",\"detail\":{\"jobTitle\":\"%s %d\"}}\n", i, t, i }'
}

deletes() { # $1: posctl create's ndjson output; the positions it created, to delete
  sed -n 's/^{"user":"\([^"]*\)","id":"\([^"]*\)","status":"created".*/{"userId":"\1","id":"\2"}/p' "$1"
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

curl_creates() { # $1: base url, $2: title prefix, $3: a directory for the answers (the new ids)
  awk -v n="$N" -v base="$1" -v t="$2" -v dir="$3" 'BEGIN { for (i = 0; i < n; i++) {
    printf "url = \"%s/users/user%d%%40contoso.com/profile/positions\"\n", base, i
    print "request = \"POST\""
    print "header = \"Content-Type: application/json\""
    print "header = \"Authorization: Bearer bench\""
    printf "data = \"{\\\"detail\\\":{\\\"jobTitle\\\":\\\"%s %d\\\"}}\"\n", t, i
    printf "output = \"%s/user%d\"\n", dir, i
    if (i < n - 1) print "next" } }'
}

curl_deletes() { # $1: base url, $2: the directory of curl_creates' answers
  find "$2" -type f -name 'user*' -print0 | xargs -0 -r awk -v base="$1" 'FNR == 1 && match($0, /"id":"[^"]*"/) {
    u = FILENAME; sub(/.*\/user/, "", u)
    if (k++) print "next"
    printf "url = \"%s/users/user%s%%40contoso.com/profile/positions/%s\"\n", base, u, substr($0, RSTART + 6, RLENGTH - 7)
    print "request = \"DELETE\""
    print "header = \"Authorization: Bearer bench\""
    print "output = \"/dev/null\"" }'
}

posctl_timed() { # $1: output file, then posctl's arguments; appends the client's CPU (user + system seconds) to $work/cpu.all
  local out=$1; shift
  { TIMEFORMAT='%U %S'; time POSCTL_ENDPOINT="$url" POSCTL_TOKEN=bench "$POSCTL" "$@" --concurrency 16 -o ndjson -q --progress off \
    > "$out"; } 2> "$work/cpu"
  awk '{ print $1 + $2 }' "$work/cpu"
}

count() { # $1: status, $2: file, $3: what; exits unless all N edits have it
  local got
  got=$(grep -c "\"status\":\"$1\"" "$2" || true)
  [ "$got" = "$N" ] || { echo "posctl $3: $got of $N edits $1" >&2; exit 1; }
}

curl_batches() { # $1: base url, $2: title prefix, $3: a directory for the bodies; posctl's $batch requests
  awk -v n="$N" -v base="$1" -v t="$2" -v dir="$3" 'BEGIN { for (k = 0; k * 20 < n; k++) {
    r = dir "/r" k ".json"; w = dir "/w" k ".json"; rs = ""; ws = ""
    for (i = k * 20; i < n && i < k * 20 + 20; i++) {
      id = i - k * 20; sep = id ? "," : ""
      rs = rs sep sprintf("{\"id\":\"%d\",\"method\":\"GET\",\"url\":\"/users/user%d@contoso.com/profile/positions/pos-%d\"}", id, i, i)
      ws = ws sep sprintf("{\"id\":\"%d\",\"method\":\"PATCH\",\"url\":\"/users/user%d@contoso.com/profile/positions/pos-%d\",\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"detail\":{\"jobTitle\":\"%s %d\"}}}", id, i, i, t, i) }
    print "{\"requests\":[" rs "]}" > r; close(r)
    print "{\"requests\":[" ws "]}" > w; close(w)
    for (j = 0; j < 2; j++) {
      if (k || j) print "next"
      printf "url = \"%s/$batch\"\n", base
      print "request = \"POST\""
      print "header = \"Content-Type: application/json\""
      print "header = \"Authorization: Bearer bench\""
      printf "data-binary = \"@%s\"\n", j ? w : r
      print "output = \"/dev/null\"" } } }'
}

server_cpu() { # CPU seconds (user + system) the sandbox has used so far
  awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$server/stat"
}

curl_run() { # $1: config
  [ "$CURL" = 0 ] && return 0
  curl -s --no-progress-meter --parallel --parallel-max 16 -K "$1"
}

report() { # $1: label, $2: kind, $3: posctl seconds, $4: curl seconds, $5: client CPU seconds, $6: ceiling or empty,
           # $7: server CPU seconds in posctl's runs, $8: in curl's, $9: seconds of curl replaying posctl's $batch requests
  awk -v l="$1" -v kind="$2" -v n="$N" -v p="$3" -v c="$4" -v cpu="$5" -v ceiling="$6" -v curl="$CURL" \
      -v sp="$7" -v sc="$8" -v rb="$9" '
    function median(s,   a, k, i, j, t) { k = split(s, a, " ")
      for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return (k % 2) ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
    BEGIN { ps = median(p); cs = median(c)
      printf "%-20s %-6s posctl %6.0f edits/s (median %.2f s of: %s)", l, kind, n / ps, ps, p
      if (curl != 0) printf "   curl %6.0f edits/s (median %.2f s of: %s)   ratio %.1fx", n / cs, cs, c, cs / ps
      printf "\n"
      printf "%-20s %-6s client CPU %.2f s per 10,000 edits", "", "", median(cpu) * 10000 / n
      if (ceiling != "") printf "; ceiling %.0f edits/s, posctl at %.2f of it", ceiling, n / ps / ceiling
      printf "\n"
      printf "%-20s %-6s server CPU %.2f s per 10,000 edits for posctl", "", "", median(sp) * 10000 / n
      if (curl != 0) printf ", %.2f s for curl", median(sc) * 10000 / n
      printf "\n"
      if (rb != "") { rs = median(rb)
        printf "%-20s %-6s curl replaying posctl'"'"'s $batch requests (no wait between read and write): %.0f edits/s", "", "", n / rs
        if (ceiling != "") printf ", %.2f of the ceiling; posctl at %.2f of the replay", n / rs / ceiling, rs / ps
        printf "\n" } }'
}

wants() { case " $KINDS " in *" $1 "*) return 0;; *) return 1;; esac; }

since() { # $1: a time from now(); the seconds since then
  awk -v a="$1" -v b="$(now)" 'BEGIN { print b - a }'
}

side_by_side() { # $1: kind the figures go to (empty: none), $2: curl config, $3: posctl's output, then posctl's arguments
  # posctl, then curl, each timed, with the sandbox's CPU seconds during each; the figures go to the
  # arrays of run(), the caller (bash's scoping), under the kind
  local kind=$1 cfg=$2 out=$3 t s used posctl_s posctl_cpu
  shift 3
  s=$(server_cpu)
  t=$(now)
  used=$(posctl_timed "$out" "$@")
  posctl_s=$(since "$t")
  posctl_cpu=$(awk -v a="$s" -v b="$(server_cpu)" 'BEGIN { print b - a }')
  s=$(server_cpu)
  t=$(now)
  curl_run "$cfg"
  [ -n "$kind" ] || return 0
  p[$kind]+="$posctl_s "
  c[$kind]+="$(since "$t") "
  cpu[$kind]+="$used "
  sp[$kind]+="$posctl_cpu "
  sc[$kind]+="$(awk -v a="$s" -v b="$(server_cpu)" 'BEGIN { print b - a }') "
}

run() { # $1: label, $2: chaos spec, $3: added latency in ms or empty
  serve "$2"
  # warm the server's JIT with plenty of both kinds of traffic, so that neither side meets it cold
  # (whichever ran first would otherwise pay for the server's interpreted start)
  N=$WARM edits "warm" > "$work/warm.ndjson"
  for _ in 1 2; do
    POSCTL_ENDPOINT="$url" POSCTL_TOKEN=bench "$POSCTL" update -f "$work/warm.ndjson" -q --progress off -o ndjson > /dev/null
    N=$WARM edits "warm again" > "$work/warm.ndjson"
  done
  N=$WARM curl_config "$url" "warm" > "$work/warm.cfg"
  CURL=1 curl_run "$work/warm.cfg"
  if wants create || wants delete; then
    N=$WARM creates "warm" > "$work/warm.ndjson"
    POSCTL_ENDPOINT="$url" POSCTL_TOKEN=bench "$POSCTL" create -f "$work/warm.ndjson" -q --progress off -o ndjson > "$work/warm.out"
    deletes "$work/warm.out" > "$work/warm.ndjson"
    POSCTL_ENDPOINT="$url" POSCTL_TOKEN=bench "$POSCTL" delete -f "$work/warm.ndjson" --yes -q --progress off -o ndjson > /dev/null
  fi
  local r t0
  local -A p=() c=() cpu=() sp=() sc=() rb=()
  for r in $(seq 1 "$ROUNDS"); do
    if wants update; then
      edits "posctl-$1-$r" > "$work/edits.ndjson"
      curl_config "$url" "curl-$1-$r" > "$work/curl.cfg"
      side_by_side update "$work/curl.cfg" "$work/posctl.out" update -f "$work/edits.ndjson"
      count updated "$work/posctl.out" update
      if [ "$CURL" != 0 ]; then
        rm -rf "$work/batches"; mkdir "$work/batches"
        curl_batches "$url" "replay-$1-$r" "$work/batches" > "$work/replay.cfg"
        t0=$(now)
        curl_run "$work/replay.cfg"
        rb[update]+="$(since "$t0") "
      fi
    fi
    if wants create || wants delete; then
      # the positions each side creates are the ones it deletes after, so a round leaves the server as it found it
      creates "posctl-$1-$r" > "$work/creates.ndjson"
      rm -rf "$work/made"; mkdir "$work/made"
      curl_creates "$url" "curl-$1-$r" "$work/made" > "$work/curl.cfg"
      side_by_side "$(wants create && echo create)" "$work/curl.cfg" "$work/created.out" create -f "$work/creates.ndjson"
      count created "$work/created.out" create
      deletes "$work/created.out" > "$work/deletes.ndjson"
      curl_deletes "$url" "$work/made" > "$work/curl.cfg"
      side_by_side "$(wants delete && echo delete)" "$work/curl.cfg" "$work/deleted.out" delete -f "$work/deletes.ndjson" --yes
      count deleted "$work/deleted.out" delete
    fi
  done
  kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true
  server=""
  # the most any client can do with 16 requests of 20 items in flight, each taking the added latency (no
  # ceiling to speak of without one): a safe merge needs a read and a write per edit, a create or a delete one write
  local one="" two=""
  if [ -n "$3" ]; then
    one=$(awk -v ms="$3" 'BEGIN { print 16 * 20 / (ms / 1000) }')
    two=$(awk -v ms="$3" 'BEGIN { print 16 * 20 / (2 * ms / 1000) }')
  fi
  for kind in update create delete; do
    wants "$kind" || continue
    report "$1" "$kind" "${p[$kind]}" "${c[$kind]}" "${cpu[$kind]}" "$([ "$kind" = update ] && echo "$two" || echo "$one")" \
      "${sp[$kind]}" "${sc[$kind]}" "${rb[$kind]:-}"
  done
}

echo "bulk benchmark: $N edits, java $("$JAVA" -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) cores"
run "no added latency" "" ""
run "$LATENCY ms per request" "latency=${LATENCY}ms" "$LATENCY"
