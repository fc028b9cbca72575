#!/usr/bin/env bash
# Every test: analyzers and code fixes, SBOM/advisories/evidence, end-to-end builds of the samples with the packed
# package, and the official validators (CycloneDX, SARIF). Installs the validators from npm first, and Debian's
# chromium (as root) for the browser test of the evidence report.
set -euo pipefail
cd "$(dirname "$0")"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# npm install, not npm ci: it installs the locked versions too, but cdxgen declares optional per-platform packages
# of which the registry lacks some (darwin), which a lock file cannot record and npm ci then refuses.
npm install --prefix tests/conformance --no-audit --no-fund --loglevel=error

# The evidence report's browser test renders it in Debian's Chromium, driven by playwright-core (no browser download).
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing Debian's chromium for the browser test of the evidence report"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
      || echo "test.sh: could not install chromium; the browser test will fail and say so" >&2
  else
    echo "test.sh: chromium is missing and only root can install it (apt-get install chromium); the browser test will fail and say so" >&2
  fi
fi

dotnet test SecureDev.sln "$@"
