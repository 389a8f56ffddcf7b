#!/usr/bin/env bash
# Installs what the spreadsheet print test needs, once: LibreOffice Calc (soffice, to turn the
# exported workbooks into PDF as a reader's office suite would), poppler-utils (pdftotext,
# pdfinfo, pdftoppm), a CJK font (without one Chinese prints as boxes) and Carlito, the font
# metrically equal to Calibri (the default font of an .xlsx: column widths are counted in it).
# Debian packages through apt, as root; skipped when everything is there.
set -euo pipefail
packages=(libreoffice-calc libreoffice-writer poppler-utils fonts-wqy-microhei fonts-crosextra-carlito)
missing=()
for package in "${packages[@]}"; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
if [ ${#missing[@]} -eq 0 ] && command -v soffice >/dev/null && command -v pdftotext >/dev/null; then exit 0; fi
echo "setup-office: installing ${missing[*]} (apt)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
