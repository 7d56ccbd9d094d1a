#!/usr/bin/env bash
# npm run bench:import — the cohort import benchmark (see graduate-import.bench.ts).
# Makes sure PostgreSQL and Kafka run, builds the service, compiles the benchmark (with the
# test helpers it uses) into .local/perf-build, and runs it. The last stdout line is its JSON.
set -euo pipefail
source "$(dirname "$0")/../../deploy/lib.sh"
cd "$REPO_ROOT"

bash deploy/postgres.sh ensure >&2
bash deploy/kafka.sh start >&2
log "building the service (the benchmark runs dist/, as npm start does)"
npm run -s build >&2 || log "npm run build reported errors; running what it emitted"
[[ -f dist/apps/graduate-profiles/src/main.js ]] || { log "dist/apps/graduate-profiles/src/main.js missing"; exit 1; }

out="$REPO_ROOT/.local/perf-build"
rm -rf "$out"
npx tsc -p test/perf/tsconfig.bench.json >&2
# The compiled test helpers import each other through #aliases: point those at this build.
node -e '
  const libs = ["contracts", "messaging", "config", "auth", "runtime", "testing", "reference", "tabular"];
  const imports = Object.fromEntries(libs.map((l) => ["#" + l, "./libs/" + l + "/src/index.js"]));
  require("fs").writeFileSync(process.argv[1], JSON.stringify({ type: "module", imports }, null, 2));
' "$out/package.json"
exec node "$out/test/perf/graduate-import.bench.js"
