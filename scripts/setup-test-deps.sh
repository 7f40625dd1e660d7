#!/usr/bin/env bash
# Before `npm test` (npm's pretest) and in .ci/run: the system packages the tests need.
#   Debian's Chromium (browser tests; CHROMIUM_PATH, default /usr/bin/chromium) and the PostgreSQL server binaries
#   (feedback-store and fault tests: initdb and pg_ctl under POSTGRES_ROOT, default /usr/lib/postgresql/<version>/bin).
# Missing and running as root on Debian: installs them with apt-get. Otherwise: one line naming the command, exit 1.
set -uo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
pg_root="${POSTGRES_ROOT:-/usr/lib/postgresql}"
install='apt-get update && apt-get install -y chromium postgresql'

missing() {
  local out=()
  [ -x "$chromium" ] || out+=(chromium)
  local found=''
  for bin in "$pg_root"/*/bin; do
    if [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ]; then found=yes; break; fi
  done
  [ -n "$found" ] || out+=(postgresql)
  echo "${out[*]:-}"
}

need="$(missing)"
[ -z "$need" ] && exit 0

if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then
  echo "setup-test-deps: installing ${need// /, } (${install})" >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq chromium postgresql; } >/tmp/leptoguide-apt.log 2>&1; then
    echo "setup-test-deps: apt-get failed (log: /tmp/leptoguide-apt.log); run as root: ${install}" >&2
    exit 1
  fi
  need="$(missing)"
  [ -z "$need" ] && exit 0
  echo "setup-test-deps: still missing after apt-get: ${need// /, } (set CHROMIUM_PATH / POSTGRES_ROOT if installed elsewhere)" >&2
  exit 1
fi

if [ -f /etc/debian_version ]; then
  echo "Tests need ${need// /, }: run as root: sudo sh -c '${install}'" >&2
else
  echo "Tests need ${need// /, } (Chromium at ${chromium}, PostgreSQL server binaries under ${pg_root}/<version>/bin): install them, or set CHROMIUM_PATH / POSTGRES_ROOT" >&2
fi
exit 1
