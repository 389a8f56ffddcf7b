#!/usr/bin/env bash
# Installs what the real-editor tests need beyond `npm ci` (which brings playwright-core), once:
# Debian's Chromium, libkrb5-dev and a CJK font for the screenshots (apt, as root), then into
# .cache/editor (kept out of git) Node 24 (npm package `node`) and code-server built with it.
# Every step is skipped when already done; prints the tool paths as NAME=value lines.
set -euo pipefail
# One set-up at a time: `npm test` starts them in the background while the first suites run, and
# a suite that needs the tools runs its script again, waiting here until they are in place.
exec 9>"${TMPDIR:-/tmp}/rubric-studio-setup.lock"
flock 9
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${RUBRIC_EDITOR_CACHE:-$root/.cache/editor}"
code_server_version="4.139.1"
mkdir -p "$cache"

# Run from `npm test`, this script inherits the outer npm's variables (npm_node_execpath, NODE…),
# which would make the nested installs run lifecycle scripts with Node 20: start clean.
for variable in $(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$variable"; done
unset NODE

# npm installs from the registry can fail once for reasons of the moment (a busy cache); try twice.
twice() { "$@" || { echo "setup-editor: retrying: $*"; "$@"; }; }

if ! command -v chromium >/dev/null || ! dpkg -s libkrb5-dev fonts-wqy-microhei >/dev/null 2>&1; then
  echo "setup-editor: installing chromium, libkrb5-dev and fonts-wqy-microhei (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium libkrb5-dev fonts-wqy-microhei >/dev/null
fi

node24_pkg="$cache/node24/node_modules/node"
node24_bin="$(ls -d "$node24_pkg"/node_modules/node-linux-*/bin 2>/dev/null | head -n 1 || true)"
if [ -z "$node24_bin" ] || [ ! -x "$node24_bin/node" ]; then
  echo "setup-editor: installing Node 24 (npm package node@24)"
  mkdir -p "$cache/node24"
  (cd "$cache/node24" && [ -f package.json ] || (cd "$cache/node24" && npm init -y >/dev/null))
  (cd "$cache/node24" && twice npm install --no-audit --no-fund --loglevel=error node@24)
  node24_bin="$(ls -d "$node24_pkg"/node_modules/node-linux-*/bin | head -n 1)"
fi
node24_home="$(dirname "$node24_bin")"

if [ ! -x "$cache/code-server/node_modules/.bin/code-server" ]; then
  echo "setup-editor: installing code-server $code_server_version with Node 24 (a few minutes)"
  mkdir -p "$cache/code-server"
  (cd "$cache/code-server" && [ -f package.json ] || npm init -y >/dev/null)
  (cd "$cache/code-server" && PATH="$node24_bin:$PATH" npm_config_nodedir="$node24_home" \
    twice npm install --no-audit --no-fund --loglevel=error --unsafe-perm "code-server@$code_server_version")
fi

echo "NODE24_BIN=$node24_bin"
echo "CODE_SERVER=$cache/code-server/node_modules/.bin/code-server"
