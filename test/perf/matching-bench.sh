#!/usr/bin/env bash
# npm run bench:matching — the ranking index benchmark (see matching.bench.ts). Makes sure PostgreSQL
# answers (unless MATCHING_BENCH_SQL=0), compiles the benchmark with what it imports into
# .local/perf-matching, and runs it with --expose-gc so the reported memory is measured after a full
# collection. The last stdout line is its JSON.
set -euo pipefail
cd "$(dirname "$0")/../.."

[[ "${MATCHING_BENCH_SQL:-1}" == 0 ]] || bash deploy/postgres.sh ensure >&2
out=.local/perf-matching
rm -rf "$out"
npx tsc -p test/perf/tsconfig.matching.json >&2
# The compiled libraries import each other through #aliases: point those at this build.
node -e '
  const libs = ["contracts", "messaging", "config", "auth", "runtime", "testing", "reference", "tabular"];
  const imports = Object.fromEntries(libs.map((l) => ["#" + l, "./libs/" + l + "/src/index.js"]));
  require("fs").writeFileSync(process.argv[1], JSON.stringify({ type: "module", imports }, null, 2));
' "$out/package.json"
exec node --expose-gc "$out/test/perf/matching.bench.js"
