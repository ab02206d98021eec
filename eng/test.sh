#!/usr/bin/env bash
# Runs every test of the repository: installs what the tests need, then one `dotnet test` over the solution,
# then the analyzer tests again against the newest Roslyn.
# Safe to run again: installation steps skip what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

bash eng/install-test-prerequisites.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test WsLimits.Analyzers.sln -c Release --nologo "$@" 2>&1 | tee "$log" || status=$?

# The analyzer tests once more with the newest Roslyn served (RoslynLatestVersion in Directory.Packages.props) in the
# test host only, to catch an API used above the floor and behaviour changed in newer compilers; src still compiles
# against the floor. Its own artifacts path keeps the first run's bin/ and obj/ intact. Its results count in the totals.
roslyn_latest=$(sed -n 's:.*<RoslynLatestVersion>\(.*\)</RoslynLatestVersion>.*:\1:p' Directory.Packages.props)
: "${roslyn_latest:?RoslynLatestVersion not found in Directory.Packages.props}"
echo "== WsLimits.Analyzers.Tests against Roslyn $roslyn_latest =="
dotnet test tests/WsLimits.Analyzers.Tests/WsLimits.Analyzers.Tests.csproj -c Release --nologo \
  --artifacts-path artifacts/roslyn-latest -p:RoslynTestVersion="$roslyn_latest" "$@" 2>&1 | tee -a "$log" || status=$?

# One closing line over all test projects, in the form CI reads.
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
