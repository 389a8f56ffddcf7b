#!/usr/bin/env bash
# Installs what the print tests need, once: LibreOffice Calc and Writer (soffice, to turn the
# exported workbooks and the results notice into PDF as a reader's office suite would),
# poppler-utils (pdftotext, pdfinfo, pdftoppm), a CJK font (without one Chinese prints as boxes),
# Carlito, the font metrically equal to Calibri (the default font of an .xlsx: column widths are
# counted in it), and for the notice's official-document faces stand-ins a Chinese office's own
# fonts would take the place of: Noto Serif / Sans CJK (宋体, 仿宋, 小标宋; 黑体) and AR PL UKai (楷体),
# with Liberation, metrically equal to Times New Roman (the notice's Latin face), for its figures.
# Debian packages through apt, as root; skipped when everything is there.
set -euo pipefail
# One set-up at a time: `npm test` starts them in the background while the first suites run, and
# a suite that needs the tools runs its script again, waiting here until they are in place.
exec 9>"${TMPDIR:-/tmp}/rubric-studio-setup.lock"
flock 9
packages=(libreoffice-calc libreoffice-writer poppler-utils fonts-wqy-microhei fonts-crosextra-carlito fonts-noto-cjk fonts-arphic-ukai fonts-liberation)
missing=()
for package in "${packages[@]}"; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
if [ ${#missing[@]} -eq 0 ] && command -v soffice >/dev/null && command -v pdftotext >/dev/null; then exit 0; fi
echo "setup-office: installing ${missing[*]} (apt)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
