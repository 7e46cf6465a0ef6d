#!/usr/bin/env bash
# Runs a command with a real, unlocked Secret Service (gnome-keyring) in a private D-Bus session,
# so keytar talks to a real keychain. The keyring lives in a throwaway folder removed afterwards.
# Even on a desktop with its own Secret Service, the tests get this private one: they never touch
# the developer's keychain. Other OSes use their native keychain as it is.
set -euo pipefail

if [ "${PXE_KEYRING_READY:-}" = 1 ]; then exec "$@"; fi

if [ "$(uname)" != Linux ]; then exec "$@"; fi

for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null; then
    echo "with-keyring: $tool is missing; install dbus and gnome-keyring (see README)." >&2
    exit 1
  fi
done

keyring_home=$(mktemp -d "${TMPDIR:-/tmp}/pxe-keyring.XXXXXX")
trap 'rm -rf "$keyring_home"' EXIT
export PXE_KEYRING_HOME="$keyring_home"

dbus-run-session -- bash -c '
  set -euo pipefail
  export XDG_DATA_HOME="$PXE_KEYRING_HOME/data" XDG_RUNTIME_DIR="$PXE_KEYRING_HOME/run"
  mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  eval "$(printf "throwaway-test-keyring" | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
  export GNOME_KEYRING_CONTROL PXE_KEYRING_READY=1
  exec "$@"
' with-keyring "$@"
