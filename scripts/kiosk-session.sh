#!/bin/sh
# The browser kiosk's session for a dedicated kiosk user: runs start:browser and starts it again
# whenever it exits, so the kiosk comes back if the host process dies (start:browser itself
# restarts the browser). Run from the kiosk user's ~/.xinitrc or ~/.xsession (docs/operators.md,
# "A dedicated kiosk user"), with start:browser's options:
#   exec /opt/openness-kiosk/scripts/kiosk-session.sh --data "$HOME/kiosk-data"
# It runs the built project as it is (`npm ci && npm run build` done once, by its owner), so the
# kiosk user needs only read access to it, and write access to its own data folder.
#
# An exit with code 2 (bad options, or root without --no-sandbox) is a setup problem that a restart
# cannot fix: the session ends. SIGTERM, SIGINT or SIGHUP stop the kiosk and the session.
# NODE picks the node binary (default: node on PATH).
here=$(cd "$(dirname "$0")" && pwd)
node=${NODE:-node}
child=
stopping=
trap 'stopping=1; [ -n "$child" ] && kill -TERM "$child" 2>/dev/null' TERM INT HUP

# Keep the screen on: no screen saver, no display power management (where xset exists).
command -v xset >/dev/null 2>&1 && xset s off s noblank -dpms 2>/dev/null

# start:browser runs in a process group of its own (setsid), so whatever it leaves behind when it
# dies (a browser it can no longer stop) is ended with it before the next start.
group=
[ "$(command -v setsid)" ] && group=setsid
end_group() {
  [ -n "$group" ] || return 0
  kill -TERM "-$1" 2>/dev/null || return 0
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    kill -0 "-$1" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -KILL "-$1" 2>/dev/null
}

pause=2
while [ -z "$stopping" ]; do
  started=$(date +%s)
  $group "$node" "$here/start-browser.mjs" "$@" &
  child=$!
  started_group=$child
  # wait returns early when a trapped signal arrives; wait again for the real exit code.
  wait "$child"
  code=$?
  while kill -0 "$child" 2>/dev/null; do
    wait "$child"
    code=$?
  done
  child=
  end_group "$started_group"
  [ -n "$stopping" ] && break
  if [ "$code" -eq 2 ]; then
    echo "kiosk-session: start:browser exited with code 2 (see its message above); not starting it again." >&2
    exit 2
  fi
  # A run of a minute or more was a healthy one: start again quickly. Quick failures back off.
  [ $(($(date +%s) - started)) -ge 60 ] && pause=2
  echo "kiosk-session: start:browser exited with code $code; starting it again in $pause s." >&2
  sleep "$pause" &
  child=$!
  wait "$child"
  child=
  pause=$((pause * 2 > 60 ? 60 : pause * 2))
done
exit 0
