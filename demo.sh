#!/usr/bin/env bash
# The main demo: packs SecureDev and builds samples/PlcGateway with it, the way a vendor's project uses the package.
# Shows the analyzer findings, the audit failing the build on a vulnerable dependency, and the evidence folder.
set -uo pipefail
cd "$(dirname "$0")"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Shortens build output lines to "PlcGateway/File.cs(line,col): warning SD1001: message".
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "1. Pack SecureDev into the local feed (artifacts/feed)"
dotnet pack src/SecureDev.Package -c Release -o artifacts/feed -v:q -nologo || exit 1
rm -rf artifacts/samples-packages/securedev   # the sample restores this fresh pack, not an earlier one
ls artifacts/feed/SecureDev.*.nupkg

step "2. Build samples/PlcGateway: SecureDevAuditLevel is 'low', so any known vulnerability fails the build"
dotnet build samples/PlcGateway --no-incremental -nologo -tl:off -clp:NoSummary > artifacts/demo-build.log 2>&1
status=$?
grep -E "(warning|error) SD[0-9]{4}" artifacts/demo-build.log | sed -E 's# \[[^]]*\]$##; s#^/[^ ]*/samples/##' | sort -u
if [ $status -ne 0 ]; then
  echo "-> the build FAILED (exit $status), as the release policy demands: Newtonsoft.Json 12.0.1 has advisory GHSA-5crp-9r3c-p9vr."
else
  echo "-> unexpected: the build passed"; exit 1
fi

step "3. The same build with SecureDevAuditLevel=moderate: the low finding stays visible as a warning and the build passes"
dotnet build samples/PlcGateway -nologo -tl:off -clp:NoSummary -p:SecureDevAuditLevel=moderate 2>&1 | grep -E "SD9[0-9]{3}|Build succeeded|FAILED" | sed -E 's# \[[^]]*\]$##; s#^/[^ ]*/samples/##' | sort -u

evidence=samples/PlcGateway/bin/securedev/Debug/net10.0
step "4. The evidence folder: $evidence"
ls -l "$evidence"
echo
echo "manifest.json (SHA-256 of every file of the folder):"
cat "$evidence/manifest.json"
echo
echo "audit.json, in short:"
grep -E '"(verdict|auditLevel|checked|records|newestModified|advisory|fixedIn)"' "$evidence/audit.json" | sed 's/^ */  /'

step "5. Verify the folder against its manifest with the securedev CLI"
dotnet run --project src/SecureDev.Cli -v:q -- verify "$evidence"

step "6. The release bundle a release manager hands over: securedev evidence (IEC 62443-4-1 requirement matrix)"
rm -rf artifacts/demo-bundle
dotnet run --project src/SecureDev.Cli -v:q -- evidence samples/PlcGateway/PlcGateway.csproj --release 2.3.0 -c Debug -o artifacts/demo-bundle 2>&1
status=$?
echo "-> exit $status: 0 complete and passing, 1 complete but the release gate is closed (open findings), 3 incomplete evidence"
echo "   open artifacts/demo-bundle/index.html in a browser for the assessor's view"
[ $status -eq 1 ] || exit 1
