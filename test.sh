#!/usr/bin/env bash
# The project's one test command: sets up what the tests need (deploy/setup.sh), builds once, then runs
# each tier and prints how long it took. Usage: ./test.sh [tier ...]  (default: every tier)
set -euo pipefail
cd "$(dirname "$0")"

tiers=("$@")
if ((${#tiers[@]} == 0)); then
  tiers=(Unit Postgres Cluster Docker E2E Browser)
fi

eval "$(deploy/setup.sh)"
export ACTORS_TEST_POSTGRES

start=$(date +%s)
dotnet build Actors.slnx -c Release -nologo -clp:ErrorsOnly
echo "build: $(( $(date +%s) - start )) s"

mkdir -p artifacts/test-results
passed=0
failed=0
status=0
for tier in "${tiers[@]}"; do
  tier_start=$(date +%s)
  log="artifacts/test-results/$tier.log"
  set +e
  dotnet test Actors.slnx -c Release --no-build -nologo --filter "Category=$tier" \
    --logger "trx;LogFilePrefix=$tier" --results-directory artifacts/test-results 2>&1 | tee "$log" \
    | grep -vE '^\s*$|No test matches the given testcase filter|^Test run for|^A total of|^Results File:|No test is available'
  rc=${PIPESTATUS[0]}
  set -e
  tier_passed=$( (grep -oE 'Passed: +[0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
  tier_failed=$( (grep -oE 'Failed: +[0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
  passed=$((passed + tier_passed))
  failed=$((failed + tier_failed))
  echo "tier $tier: ${tier_passed} passed, ${tier_failed} failed in $(( $(date +%s) - tier_start )) s"
  if ((rc != 0)); then status=1; fi
done

echo "total: $(( $(date +%s) - start )) s"
echo "$passed passed, $failed failed" | tee artifacts/test-results/summary.txt
exit $status
