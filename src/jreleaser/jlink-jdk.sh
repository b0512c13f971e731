#!/bin/sh
# Prints the JDK the JLINK distribution is made from (jreleaser.yml reads it as POSCTL_JLINK_JDK):
# POSCTL_JLINK_JDK when set, else the newest JDK 25 or newer under /usr/lib/jvm. Java 25 because
# its AOT cache, trained at build time, moves with the image (Java 17's CDS archive works only at the
# path it was made at). Without one it fails rather than quietly ship a slower image.
#   export POSCTL_JLINK_JDK="$(src/jreleaser/jlink-jdk.sh)"
set -eu

# the version of a JDK (25.0.3), from its release file; nothing when it has none
version() {
  sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release" 2>/dev/null || :
}

if [ -n "${POSCTL_JLINK_JDK:-}" ]; then
  v=$(version "$POSCTL_JLINK_JDK")
  if [ -x "$POSCTL_JLINK_JDK/bin/jlink" ] && [ "${v%%[.+-]*}" -ge 25 ] 2>/dev/null; then
    echo "$POSCTL_JLINK_JDK"
    exit 0
  fi
  echo "POSCTL_JLINK_JDK is $POSCTL_JLINK_JDK, which is not a JDK 25 or newer with jlink (its release file says '${v:-nothing}')" >&2
  exit 1
fi
best=
for jdk in /usr/lib/jvm/*; do
  v=$(version "$jdk")
  [ -n "$v" ] && [ -x "$jdk/bin/jlink" ] && [ "${v%%[.+-]*}" -ge 25 ] 2>/dev/null || continue
  best="$best$v $jdk
"
done
if [ -z "$best" ]; then
  echo "no JDK 25 or newer with jlink in /usr/lib/jvm: the JLINK distribution is made from Java 25 (its AOT cache moves with the image);" \
    "install one or set POSCTL_JLINK_JDK to it" >&2
  exit 1
fi
printf '%s' "$best" | sort -V | tail -n 1 | cut -d' ' -f2-
