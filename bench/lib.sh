# Sourced by the bench scripts: posctl from its distribution archive (DIST, default the one
# `mvn package` built), run through its launcher as users run it, with a cache of its own.
# Sets work (a scratch folder, removed on exit), POSCTL and server (a sandbox to stop on exit).
DIST=${DIST:-$(ls target/posctl-*.tar.gz)}
work=$(mktemp -d)
tar xzf "$DIST" -C "$work"
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
