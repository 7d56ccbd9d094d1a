#!/usr/bin/env bash
# npm stop: stops the four services (SIGTERM, then SIGKILL after 30 s) and the local Kafka broker.
#   --services-only   leave Kafka running
set -euo pipefail
source "$(dirname "$0")/lib.sh"
dir=$(run_dir)
for svc in "${SERVICES[@]}"; do
  pid_file="$dir/$svc.pid"
  [[ -f $pid_file ]] || continue
  pid=$(cat "$pid_file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    log "$svc stopped"
  fi
  rm -f "$pid_file"
done
[[ ${1:-} == --services-only ]] || bash "$REPO_ROOT/deploy/kafka.sh" stop
