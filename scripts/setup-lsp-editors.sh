#!/usr/bin/env bash
# Installs the editors the headless editor tests run the documented configurations in, once:
# Neovim (Debian 12: 0.7.2) and Emacs 28 without X with eglot (elpa-eglot). Debian packages
# through apt, as root; skipped when they are there. Exits non-zero when they cannot be
# installed here (not root, no apt): the tests then skip, saying so.
set -euo pipefail
# One set-up at a time: `npm test` starts them in the background while the first suites run, and
# a suite that needs the tools runs its script again, waiting here until they are in place.
exec 9>"${TMPDIR:-/tmp}/rubric-studio-setup.lock"
flock 9
packages=(neovim emacs-nox elpa-eglot)
missing=()
for package in "${packages[@]}"; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "setup-lsp-editors: ${missing[*]} missing, and apt-get as root is not available to install them" >&2
  exit 1
fi
echo "setup-lsp-editors: installing ${missing[*]} (apt)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
