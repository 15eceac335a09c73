#!/usr/bin/env bash
# The project's setup script: finds or installs (Debian packages, apt-get) every external program that a
# test, benchmark or tool spawns, so `npm ci && npm test` passes on a fresh machine of this kind.
# Fails loudly: no test skips for want of a program. tests/unit/tools/spawned-commands.test.ts reads the
# test, bench and tool sources for spawned commands and fails when one is not listed here.
# Node, npm and npx are the premise (Node 20 on the PATH) and are not listed.
set -euo pipefail
need=()

# require_cmd COMMAND DEBIAN-PACKAGE: COMMAND must be on the PATH; DEBIAN-PACKAGE provides it.
require_cmd() { command -v "$1" >/dev/null || need+=("$2"); }
# require_exe PATH DEBIAN-PACKAGE: an executable at PATH (the browsers, overridable by environment).
require_exe() { [ -x "$1" ] || need+=("$2"); }

check_all() {
need=()
require_exe "${CHROMIUM_PATH:-/usr/bin/chromium}" chromium # the e2e, fault and bench tests, npm run demo
require_exe "${FIREFOX_PATH:-/usr/bin/firefox-esr}" firefox-esr # the Firefox e2e and fault tests
require_cmd 7z p7zip-full         # zip interop, AES and ZIP64 tests: 7-Zip reads our packages (p7zip-full's 7z runs 7-Zip 26)
require_cmd pdftotext poppler-utils # summary.pdf read by real PDF software (unit and e2e)
require_cmd pdfinfo poppler-utils
require_cmd unzip unzip           # e2e tests extract exported packages with Info-ZIP
require_cmd xsltproc xsltproc     # C-CDA documents rendered with their stylesheet
require_cmd git git               # finding shared/ beside the repository a clone came from
require_cmd mount mount           # the storage-full fault test mounts a small tmpfs
require_cmd umount mount
require_cmd rm coreutils
require_cmd bash bash             # package.json scripts
}

check_all

if [ ${#need[@]} -eq 0 ]; then exit 0; fi
mapfile -t need < <(printf '%s\n' "${need[@]}" | sort -u)
echo "Installing ${need[*]} (Debian packages) for the tests..."
if [ "$(id -u)" -ne 0 ]; then
  echo "ERROR: ${need[*]} missing and not running as root; install them with apt-get, or set CHROMIUM_PATH / FIREFOX_PATH." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${need[@]}" >/dev/null
check_all
if [ ${#need[@]} -ne 0 ]; then
  echo "ERROR: still missing after apt-get install: ${need[*]}" >&2
  exit 1
fi
