#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests where it is missing (needs root, as CI has).
# Without root it does nothing and the browser tests skip; under CI=true a failure fails the run.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" != 0 ]; then
  [ "${CI:-}" = true ] && { echo "chromium.sh: CI needs root to install Chromium" >&2; exit 1; }
  exit 0
fi
log=/tmp/marsad-chromium-setup.log
echo "installing Debian's Chromium (log: $log)" >&2
{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$log" 2>&1 ||
  { tail -20 "$log" >&2; exit 1; }
