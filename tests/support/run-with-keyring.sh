#!/bin/sh
# Runs one test inside a private D-Bus session with an unlocked GNOME keyring, in a throw-away
# home folder, so keychain round trips can be tested without touching anyone's real keyring.
set -eu
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
    XDG_CACHE_HOME="$home/cache" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# dbus-run-session exits with the test's exit code. The keyring daemon runs in the foreground
# so that it can be stopped by its process id when the test is done.
dbus-run-session -- sh -c '
    printf test | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null &
    keyring=$!
    tries=0
    until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
            | grep -q "boolean true"; do
        tries=$((tries + 1))
        [ "$tries" -lt 100 ] || { echo "The keyring daemon did not start" >&2; break; }
        sleep 0.1
    done
    rc=0
    "$@" || rc=$?
    kill "$keyring" 2>/dev/null || true
    wait "$keyring" 2>/dev/null || true
    exit "$rc"' sh "$@"
