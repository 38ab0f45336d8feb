#!/usr/bin/env bash
# Turn every report in a folder into PDF and PNG pages, to look at them as a reader would:
#   bash scripts/report_pages.sh reports/ [out/report-pages/]
# HTML through headless Chromium (print to PDF), DOCX through LibreOffice, pages through pdftoppm.
# Needs Debian's chromium, libreoffice-writer-nogui and poppler-utils.
set -euo pipefail
src="${1:?usage: report_pages.sh REPORT_DIR [OUT_DIR]}"
out="${2:-out/report-pages}"
mkdir -p "$out"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
for html in "$src"/*.html; do
  [ -e "$html" ] || continue
  name="$(basename "${html%.html}")-html"
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$profile" --no-pdf-header-footer \
    --print-to-pdf="$out/$name.pdf" "file://$(realpath "$html")" 2>/dev/null
done
for docx in "$src"/*.docx; do
  [ -e "$docx" ] || continue
  libreoffice --headless --convert-to pdf --outdir "$profile" "$docx" >/dev/null 2>&1
  mv "$profile/$(basename "${docx%.docx}").pdf" "$out/$(basename "${docx%.docx}")-docx.pdf"
done
for pdf in "$out"/*.pdf; do
  pdftoppm -r 60 -png "$pdf" "${pdf%.pdf}"
  echo "$(basename "$pdf"): $(ls "${pdf%.pdf}"-*.png | wc -l) pages"
done
