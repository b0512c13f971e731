#!/usr/bin/env bash
# Start-up benchmark: runs each command RUNS times (default 9) and prints the median and the fastest
# wall-clock time in milliseconds. Uses the packaged launcher from target/posctl-*.tar.gz (run
# `mvn -B package -DskipTests` first), unpacked into a scratch directory with its own cache, so the
# class-data-sharing archive is trained once before measuring.
#
#   bench/startup.sh            RUNS=15 bench/startup.sh            JAVA_HOME=/path/to/jdk bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-9}
export JAVA_HOME="${JAVA_HOME:-$(cd "$(dirname "$(readlink -f "$(command -v java)")")/.." && pwd)}"
tarball=$(ls -t target/posctl-*.tar.gz 2>/dev/null | head -n 1)
[ -n "$tarball" ] || { echo "no target/posctl-*.tar.gz: run mvn -B package -DskipTests first" >&2; exit 2; }

work=$(mktemp -d)
server=
# the last status of an EXIT trap becomes the script's: a killed server's 143 must not
cleanup() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
tar xzf "$tarball" -C "$work"
posctl=$(echo "$work"/posctl-*/bin/posctl)
export XDG_CACHE_HOME=$work/cache XDG_DATA_HOME=$work/data
unset POSCTL_ENDPOINT POSCTL_TOKEN POSCTL_JAVA_OPTS POSCTL_CDS

cat >"$work/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] args) { System.out.println("hello"); } }
JAVA
"$JAVA_HOME/bin/javac" -d "$work" "$work/Hello.java"
cat >"$work/edit.yaml" <<'YAML'
userId: adele@contoso.com
id: 7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d
detail:
  jobTitle: Principal PM
YAML

# train the class-data-sharing archive (the launcher does it in the background on first use)
"$posctl" --help >/dev/null
for _ in $(seq 1 600); do
  ls "$XDG_CACHE_HOME"/posctl/posctl-*.jsa >/dev/null 2>&1 && break
  sleep 0.1
done
ls "$XDG_CACHE_HOME"/posctl/posctl-*.jsa >/dev/null 2>&1 || echo "note: no CDS archive was trained" >&2

"$posctl" sandbox serve --port 0 --memory >"$work/serve.out" 2>"$work/serve.err" &
server=$!
for _ in $(seq 1 300); do [ -s "$work/serve.out" ] && break; sleep 0.05; done
base=$(head -n 1 "$work/serve.out")
[ -n "$base" ] || { cat "$work/serve.err" >&2; exit 1; }
position=$base/users/adele@contoso.com/profile/positions/7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d

# The server is a stand-in for Graph: warm its JIT first, so the figures are posctl's start-up and not
# the sandbox's first, interpreted, answers.
if command -v curl >/dev/null; then
  awk -v base="$base" -v pos="$position" 'BEGIN { for (i = 0; i < 300; i++) {
    if (i) print "next"
    printf "url = \"%s/users/adele@contoso.com/profile/positions\"\nheader = \"Authorization: Bearer x\"\noutput = \"/dev/null\"\nnext\n", base
    printf "url = \"%s\"\nrequest = \"PATCH\"\nheader = \"Authorization: Bearer x\"\nheader = \"Content-Type: application/json\"\n", pos
    printf "data = \"{\\\"detail\\\":{\\\"jobTitle\\\":\\\"Warm %d\\\"}}\"\noutput = \"/dev/null\"\n", i } }' >"$work/warm.cfg"
  curl -sf -K "$work/warm.cfg" || echo "note: the sandbox warm-up failed" >&2
fi

now() { date +%s%N; }

# measure NAME COMMAND...: RUNS timed runs (after one warm-up); prints "NAME median min"
# In the command, {i} becomes the run number (so each update changes something).
measure() {
  local name=$1; shift
  local times=() i args a start end
  for i in $(seq 0 "$runs"); do
    args=()
    for a in "$@"; do args+=("${a//\{i\}/$i}"); done
    start=$(now)
    "${args[@]}" >/dev/null 2>"$work/last.err" || { echo "$name failed:" >&2; cat "$work/last.err" >&2; exit 1; }
    end=$(now)
    [ "$i" -gt 0 ] && times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" '
    { t[NR] = $1 }
    END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%-44s %7.0f %7d\n", name, m, t[1] }'
}

echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1); $runs runs each; load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
printf '%-44s %7s %7s\n' "command" "median" "min"
measure "java Hello (floor)" "$JAVA_HOME/bin/java" -cp "$work" Hello
measure "posctl --version" "$posctl" --version
measure "posctl --version (POSCTL_CDS=off)" env POSCTL_CDS=off "$posctl" --version
measure "posctl --help" "$posctl" --help
measure "posctl validate -f edit.yaml" "$posctl" validate -f "$work/edit.yaml"
measure "posctl validate -f edit.yaml (POSCTL_CDS=off)" env POSCTL_CDS=off "$posctl" validate -f "$work/edit.yaml"
measure "java -jar target/posctl.jar validate -f edit.yaml" "$JAVA_HOME/bin/java" -jar target/posctl.jar validate -f "$work/edit.yaml"
measure "posctl update (GET + PATCH)" env POSCTL_ENDPOINT="$base" POSCTL_TOKEN=x \
  "$posctl" update --user adele@contoso.com --current --job-title "Bench {i}"
measure "posctl update (POSCTL_CDS=off)" env POSCTL_ENDPOINT="$base" POSCTL_TOKEN=x POSCTL_CDS=off \
  "$posctl" update --user adele@contoso.com --current --job-title "Bench off {i}"
if command -v curl >/dev/null; then
  measure "curl PATCH (native floor)" curl -sf -X PATCH -H "Authorization: Bearer x" \
    -H "Content-Type: application/json" -d '{"detail":{"jobTitle":"Curl {i}"}}' "$position"
else
  echo "curl PATCH (native floor): curl not installed"
fi
