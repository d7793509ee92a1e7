#!/usr/bin/env bash
# Installs the Debian packages the tests run for real, unless they are there already:
#   chromium  every browser test (test tools must never download a browser of their own)
#   janus     the Janus WebRTC server, for the Janus media adapter's conformance tests
#   postgresql the PostgreSQL event store's tests (each test run starts its own cluster in a temporary folder)
# (unshare and ip, for the tests' own loopback-only network namespace, come with util-linux and iproute2.)
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v janus >/dev/null 2>&1 || missing+=(janus)
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null | tail -1
janus --version 2>/dev/null | head -1 || true
ls -d /usr/lib/postgresql/*/bin | head -1
