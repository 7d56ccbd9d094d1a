#!/usr/bin/env bash
# npm test: every test — unit, integration and end-to-end — against the real PostgreSQL and Kafka.
# Installs what is missing and starts the local broker if it is not running (it is left running).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

ensure_node_modules
bash deploy/postgres.sh ensure
bash deploy/dev-keys.sh >/dev/null
bash deploy/kafka.sh start
log "building (e2e tests run the built services as processes)"
npm run -s build

results=$(mktemp -d)
jest() { node --experimental-vm-modules node_modules/jest/bin/jest.js "$@"; }
status=0
# Unit and integration suites run side by side (each has its own database and topic prefix);
# e2e suites run one at a time: the fault suites stop the shared broker.
jest --selectProjects unit integration --maxWorkers=2 --json --outputFile="$results/a.json" "$@" || status=$?
jest --selectProjects e2e --runInBand --json --outputFile="$results/b.json" "$@" || status=$?

node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const f of process.argv.slice(1)) {
    if (!fs.existsSync(f)) { failed += 1; continue; }
    const r = JSON.parse(fs.readFileSync(f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests + r.numRuntimeErrorTestSuites; skipped += r.numPendingTests;
  }
  console.log(`tests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$results/a.json" "$results/b.json"
rm -rf "$results"
exit $status
