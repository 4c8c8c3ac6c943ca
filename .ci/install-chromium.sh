#!/usr/bin/env bash
# Debian's chromium for the dashboard's browser tests (driven by playwright-core, which downloads no browser).
# Idempotent: does nothing when /usr/bin/chromium is there.
set -euo pipefail
if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
