#!/usr/bin/env bash
# Runs every test of the repository: installs what the tests need, then one `dotnet test` over the solution.
# Safe to run again: installation steps skip what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

bash eng/install-test-prerequisites.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test WsLimits.Analyzers.sln -c Release --nologo "$@" 2>&1 | tee "$log" || status=$?

# One closing line over all test projects, in the form CI reads.
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
