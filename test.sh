#!/usr/bin/env bash
# Every test: analyzers and code fixes, SBOM/advisories/evidence, end-to-end builds of the samples with the packed
# package, and the official validators (CycloneDX, SARIF). Installs the validators from npm first.
set -euo pipefail
cd "$(dirname "$0")"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

npm ci --prefix tests/conformance --no-audit --no-fund --loglevel=error
dotnet test SecureDev.sln "$@"
