#!/usr/bin/env bash
# Installs the Debian packages the tests run for real, unless they are there already:
#   chromium  every browser test (test tools must never download a browser of their own)
#   janus     the Janus WebRTC server, for the Janus media adapter's conformance tests
#   postgresql the PostgreSQL event store's tests (each test run starts its own cluster in a temporary folder)
#   nginx     the TLS reverse proxy of docs/deploy.md, tested for real (started by the test with its own config)
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
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  # No service may start on install (nginx would listen on every interface, postgresql on its default
  # port): the tests start their own, on 127.0.0.1 only. policy-rc.d answering 101 tells invoke-rc.d so.
  policy=/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
    $SUDO chmod +x "$policy"
    trap '$SUDO rm -f "$policy"' EXIT
  fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null | tail -1
janus --version 2>/dev/null | head -1 || true
ls -d /usr/lib/postgresql/*/bin | head -1
