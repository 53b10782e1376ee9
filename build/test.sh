#!/usr/bin/env bash
# Runs every test of the repository (README's test command) and ends with one line: "N passed, N failed".
# Extra arguments go to `dotnet test` (e.g. --filter ...).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ -f build/prerequisites.sh ]; then
  bash build/prerequisites.sh || { echo "prerequisites failed"; echo "0 passed, 1 failed"; exit 1; }
fi

log="$(mktemp)"
packages="$(mktemp -d)"
trap 'rm -rf "$log" "$packages"' EXIT
start=$(date +%s)

# Both packages, packed once (Release) for the package tests (PackageContentTests), which read them from here; the
# pack output is kept beside them so a test can check it printed no warning.
echo "== packing both packages (Release) into $packages"
for project in src/WebJobs.Extensions.SignalRInfo src/Functions.Worker.Extensions.SignalRInfo; do
  if ! dotnet pack "$project" -c Release -o "$packages" -nodeReuse:false >> "$packages/pack.log" 2>&1; then
    cat "$packages/pack.log"
    echo "pack of $project failed"
    echo "0 passed, 1 failed"
    exit 1
  fi
done
grep -E "Successfully created package" "$packages/pack.log" | sed 's/^ *//'
export SIGNALRINFO_PACKAGES="$packages"
dotnet test WebJobs.Extensions.SignalRInfo.sln "$@" 2>&1 | grep -v 'warning NU1603' | tee "$log"
status=${PIPESTATUS[0]}

# One summary line per test assembly: "Passed!  - Failed:     0, Passed:   116, Skipped: ..."
read -r passed failed < <(grep -aE '^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$log" \
  | sed -E 's/^[A-Za-z]+! +- Failed: +([0-9]+), Passed: +([0-9]+).*/\2 \1/' \
  | awk '{p+=$1; f+=$2} END {print p+0, f+0}')
assemblies=$(grep -acE '^(Passed|Failed)! +- Failed:' "$log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before reporting: count it as a failure.
  failed=1
fi
echo "test assemblies: $assemblies, time: $(( $(date +%s) - start )) s"
echo "$passed passed, $failed failed"
exit "$status"
