#!/usr/bin/env bash
# Start-up benchmark: runs each command RUNS times (default 9) and prints the median and the fastest
# wall-clock time in milliseconds, for each Java in JAVAS and each start-up mode of the launcher: its
# cache (an AOT cache on Java 25 and newer, a CDS archive before), the CDS archive on Java 25 and
# newer (POSCTL_CDS=cds) and none (POSCTL_CDS=off), beside a Java hello world and curl. Uses the
# packaged launcher from target/posctl-*.tar.gz (run `mvn -B package -DskipTests` first), unpacked
# into a scratch directory with a cache of its own per Java, trained (`posctl --train`) before measuring.
# When there is a JLINK archive (JLINK, default the one `mvn jreleaser:assemble` left in target/), its
# image is measured too: its own Java with the AOT cache trained at build time, and without (off).
#
#   bench/startup.sh            RUNS=15 bench/startup.sh            JAVA_HOME=/path/to/jdk bench/startup.sh
#   JAVAS="/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64" bench/startup.sh
#
# JAVAS defaults to JAVA_HOME (else the java on PATH) and every JDK 25 or newer in /usr/lib/jvm.
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
# (none is no error: ls fails, and under pipefail that would end the script)
jlink=${JLINK:-$(ls -t target/jreleaser/assemble/posctl-standalone/jlink/posctl-standalone-*.zip 2>/dev/null | head -n 1 || true)}
image=
if [ -n "$jlink" ]; then
  unzip -q "$jlink" -d "$work/jlink"   # unzip keeps the file times the image's cache depends on
  image=$(echo "$work"/jlink/*/bin/posctl)
fi
export XDG_CACHE_HOME=$work/cache XDG_DATA_HOME=$work/data
unset POSCTL_ENDPOINT POSCTL_TOKEN POSCTL_JAVA_OPTS POSCTL_CDS

cat >"$work/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] args) { System.out.println("hello"); } }
JAVA
cat >"$work/edit.yaml" <<'YAML'
userId: adele@contoso.com
id: 7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d
detail:
  jobTitle: Principal PM
YAML

if [ -z "${JAVAS:-}" ]; then
  JAVAS=$JAVA_HOME
  for jdk in /usr/lib/jvm/*; do
    [ -x "$jdk/bin/java" ] && [ -f "$jdk/release" ] || continue
    [ "$(readlink -f "$jdk")" = "$(readlink -f "$JAVA_HOME")" ] && continue
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")
    [ -n "$v" ] && [ "$v" -ge 25 ] && JAVAS="$JAVAS $jdk"
  done
fi

# train the launcher's cache for one Java (in its own cache directory); echo that Java's major version
train() {
  local major
  major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  export XDG_CACHE_HOME=$work/cache-${major:-0}
  [ -d "$XDG_CACHE_HOME" ] && { echo "${major:-0}"; return; }   # trained already
  JAVA_HOME=$1 "$posctl" --train 2>"$work/train.err" || { echo "note: no cache trained for $1:" >&2; cat "$work/train.err" >&2; }
  if [ "${major:-0}" -ge 25 ]; then
    JAVA_HOME=$1 POSCTL_CDS=cds "$posctl" --train 2>"$work/train.err" || { echo "note: no CDS archive trained for $1" >&2; }
  fi
  echo "${major:-0}"
}

# the sandbox (the stand-in for Graph) runs on the first Java
first=${JAVAS%% *}
train "$first" >/dev/null
JAVA_HOME=$first "$posctl" sandbox serve --port 0 --memory >"$work/serve.out" 2>"$work/serve.err" &
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
    END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%-48s %7.0f %7d\n", name, m, t[1] }'
}

echo "$runs runs each; load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
n=0
for jdk in $JAVAS; do
  n=$((n + 1))
  major=$(train "$jdk")
  export XDG_CACHE_HOME=$work/cache-$major JAVA_HOME=$jdk
  if [ "$major" -ge 25 ]; then cache="AOT cache"; else cache="CDS archive"; fi
  "$JAVA_HOME/bin/javac" -d "$work/hello-$n" "$work/Hello.java"
  echo
  echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1) ($JAVA_HOME); load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
  printf '%-48s %7s %7s\n' "command" "median" "min"
  measure "java Hello (floor)" "$JAVA_HOME/bin/java" -cp "$work/hello-$n" Hello
  measure "posctl --version" "$posctl" --version
  measure "posctl --help ($cache)" "$posctl" --help
  measure "posctl validate -f edit.yaml ($cache)" "$posctl" validate -f "$work/edit.yaml"
  [ "$major" -ge 25 ] && measure "posctl validate -f edit.yaml (CDS archive)" env POSCTL_CDS=cds "$posctl" validate -f "$work/edit.yaml"
  measure "posctl validate -f edit.yaml (POSCTL_CDS=off)" env POSCTL_CDS=off "$posctl" validate -f "$work/edit.yaml"
  measure "java -jar target/posctl.jar validate -f edit.yaml" "$JAVA_HOME/bin/java" -jar target/posctl.jar validate -f "$work/edit.yaml"
  measure "posctl update (GET + PATCH) ($cache)" env POSCTL_ENDPOINT="$base" POSCTL_TOKEN=x \
    "$posctl" update --user adele@contoso.com --current --job-title "Bench $n {i}"
  [ "$major" -ge 25 ] && measure "posctl update (CDS archive)" env POSCTL_ENDPOINT="$base" POSCTL_TOKEN=x POSCTL_CDS=cds \
    "$posctl" update --user adele@contoso.com --current --job-title "Bench cds $n {i}"
  measure "posctl update (POSCTL_CDS=off)" env POSCTL_ENDPOINT="$base" POSCTL_TOKEN=x POSCTL_CDS=off \
    "$posctl" update --user adele@contoso.com --current --job-title "Bench off $n {i}"
done
if [ -n "$image" ]; then
  export XDG_CACHE_HOME=$work/cache-jlink
  echo
  echo "JLINK image: $("${image%/posctl}/java" -version 2>&1 | head -n 1) ($jlink); load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
  printf '%-48s %7s %7s\n' "command" "median" "min"
  measure "java Hello (floor, the image's Java)" "${image%/posctl}/java" -cp "$work/hello-1" Hello
  measure "posctl --version" "$image" --version
  measure "posctl validate -f edit.yaml (build-time AOT cache)" "$image" validate -f "$work/edit.yaml"
  measure "posctl validate -f edit.yaml (POSCTL_CDS=off)" env POSCTL_CDS=off "$image" validate -f "$work/edit.yaml"
  measure "posctl update (GET + PATCH) (build-time AOT cache)" env POSCTL_ENDPOINT="$base" POSCTL_TOKEN=x \
    "$image" update --user adele@contoso.com --current --job-title "Bench jlink {i}"
  measure "posctl update (POSCTL_CDS=off)" env POSCTL_ENDPOINT="$base" POSCTL_TOKEN=x POSCTL_CDS=off \
    "$image" update --user adele@contoso.com --current --job-title "Bench jlink off {i}"
fi
echo
if command -v curl >/dev/null; then
  measure "curl PATCH (native floor)" curl -sf -X PATCH -H "Authorization: Bearer x" \
    -H "Content-Type: application/json" -d '{"detail":{"jobTitle":"Curl {i}"}}' "$position"
else
  echo "curl PATCH (native floor): curl not installed"
fi
