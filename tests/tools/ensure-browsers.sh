#!/usr/bin/env bash
# Finds or installs the browsers and tools the tests use (Debian packages; the unit tests read summary.pdf
# with poppler too, so npm test runs this first). Fails loudly:
# browser tests are never skipped for want of a browser.
set -euo pipefail
need=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
[ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ] || need+=(firefox-esr)
command -v pdfinfo >/dev/null || need+=(poppler-utils)
command -v unzip >/dev/null || need+=(unzip)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
echo "Installing ${need[*]} (Debian packages) for the browser tests..."
if [ "$(id -u)" -ne 0 ]; then
  echo "ERROR: ${need[*]} missing and not running as root; install them with apt-get, or set CHROMIUM_PATH / FIREFOX_PATH." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${need[@]}" >/dev/null
for b in "${CHROMIUM_PATH:-/usr/bin/chromium}" "${FIREFOX_PATH:-/usr/bin/firefox-esr}"; do
  [ -x "$b" ] || { echo "ERROR: $b still missing after apt-get install" >&2; exit 1; }
done
