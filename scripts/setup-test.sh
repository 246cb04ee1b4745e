#!/usr/bin/env bash
# Installs the test lab on top of what the build needs (scripts/setup-build.sh): Debian's
# Chromium and ChromeDriver, a Java runtime for the HTML checker, nginx and Caddy for the deploy
# tests, and the node packages of the tests. apt runs (as root) only for what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
NODE_PACKAGES=all scripts/setup-build.sh

say() { printf '[setup] %s\n' "$*"; }

apt_install() {
  say "installing Debian's $*"
  if [ "$(id -u)" != 0 ]; then
    echo "setup: installing $* needs root (apt-get); run as root or install them yourself" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  apt-get -o DPkg::Lock::Timeout=900 install -y -qq "$@" >/dev/null
}

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  apt_install chromium chromium-driver
fi

# Java, for the Nu HTML checker (npm's vnu-jar) in tests/e2e/html-valid.test.mjs.
command -v java >/dev/null || apt_install default-jre-headless

# nginx and Caddy, to test deploy/nginx.conf and deploy/Caddyfile (tests/e2e/deploy.test.mjs runs
# each on a free loopback port). The packages must not leave a daemon on port 80: a policy-rc.d
# that answers 101 keeps them from starting one, and any that started anyway is stopped.
servers=()
[ -x /usr/sbin/nginx ] || servers+=(nginx)
[ -x /usr/bin/caddy ] || servers+=(caddy)
if [ "${#servers[@]}" -gt 0 ]; then
  own_policy=
  if [ ! -e /usr/sbin/policy-rc.d ] && [ "$(id -u)" = 0 ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    own_policy=1
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt_install "${servers[@]}"
  if [ -n "$own_policy" ]; then rm -f /usr/sbin/policy-rc.d; trap - EXIT; fi
  for server in "${servers[@]}"; do
    if [ -d /run/systemd/system ]; then systemctl disable --now "$server" >/dev/null 2>&1 || true; fi
  done
  if [ -s /run/nginx.pid ]; then /usr/sbin/nginx -s stop 2>/dev/null || true; fi
fi
