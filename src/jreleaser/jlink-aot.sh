#!/bin/sh
# Run by JReleaser right after it assembles the JLINK image (jreleaser.yml, hooks): trains the image's
# AOT cache at build time and puts it in the archive as lib/posctl.aot, under the same archive name.
# The training is the launcher's own (`bin/posctl --train`: the image's bin/java, its classpath as the
# launcher gives it, dev.posctl.cli.CdsTraining), so the cache fits the runs that will map it. It is
# made from the unpacked archive, whose file times (seconds, kept by zip's UT field) are the ones every
# later unpack restores: the launcher maps the cache only with the jar's very size and time.
#   src/jreleaser/jlink-aot.sh target/jreleaser/assemble/posctl-standalone/jlink/posctl-standalone-VERSION-linux-x86_64.zip
set -eu
fail() {
  echo "jlink-aot: $*" >&2
  exit 1
}
[ $# = 1 ] && [ -f "$1" ] || fail "usage: $0 ARCHIVE.zip (the JLINK image JReleaser assembled)"
archive=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
command -v zip >/dev/null && command -v unzip >/dev/null || fail "zip and unzip are needed to repack $archive"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the builder's own settings stay out of the cache and the check: a home of nothing
unset POSCTL_CDS POSCTL_JAVA_OPTS POSCTL_ENDPOINT POSCTL_TOKEN JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS \
  XDG_CONFIG_HOME XDG_DATA_HOME XDG_STATE_HOME XDG_CACHE_HOME
export HOME="$work/home"
mkdir "$HOME"

unzip -q "$archive" -d "$work/image"
top=$(ls "$work/image")
image=$work/image/$top
[ -x "$image/bin/posctl" ] && [ -f "$image/jars/posctl.jar" ] || fail "$archive holds no $top/bin/posctl and $top/jars/posctl.jar"
XDG_CACHE_HOME=$work/train "$image/bin/posctl" --train 2>"$work/train.err" || fail "training failed: $(cat "$work/train.err")"
mv "$work/train/posctl/"posctl-*.aot "$image/lib/posctl.aot"
# the jar it was made from, as the launcher checks it (Java 25's one-step cache does not: JDK-8377932)
stat -c '%s %Y' "$image/jars/posctl.jar" >"$image/lib/posctl.aot.stamp"

# the launcher of a fresh installation must map it: posctl's classes from the cache, nothing trained
printf '{"userId":"a","id":"b","detail":{"jobTitle":"PM"}}\n' >"$work/edit.json"
XDG_CACHE_HOME=$work/check POSCTL_JAVA_OPTS="-Xlog:class+load=info:file=$work/classes.log" \
  "$image/bin/posctl" validate -f "$work/edit.json" >/dev/null 2>"$work/check.err" || fail "validate failed: $(cat "$work/check.err")"
grep -q 'dev.posctl.cli.ValidateCommand source: shared objects file' "$work/classes.log" \
  || fail "the launcher does not use lib/posctl.aot: $(cat "$work/check/posctl/"*.log 2>/dev/null)"
! ls "$work/check/posctl/"*.aot >/dev/null 2>&1 || fail "the launcher trained a cache of its own beside lib/posctl.aot"

# same name, same single top directory; -y keeps links as links, and the UT field (no -X) the times
(cd "$work/image" && zip -qry "$work/new.zip" "$top")
mv -f "$work/new.zip" "$archive"
echo "jlink-aot: $archive carries $top/lib/posctl.aot ($(wc -c <"$image/lib/posctl.aot") bytes), used by bin/posctl"
