#!/usr/bin/env bash
# npm start: everything a fresh machine needs, then the four services.
#   npm start                 start and follow the logs; Ctrl-C stops the services
#   npm start -- --detach     start, print where to go, return (npm stop stops it)
# Environment (optional): TB_PORT_BASE (3000 → ports 3001–3004), TB_DB_NAME (talent_bridge),
#   TB_TOPIC_PREFIX (empty), TB_RUN_DIR (.local/run), LOG_LEVEL (info).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

detach=false
[[ ${1:-} == --detach ]] && detach=true

ensure_node_modules
bash deploy/postgres.sh ensure
bash deploy/dev-keys.sh >/dev/null
bash deploy/kafka.sh start
log "building"
npm run -s build

db=${TB_DB_NAME:-talent_bridge}
dir=$(run_dir)
mkdir -p "$dir"
for svc in "${SERVICES[@]}"; do
  pid_file="$dir/$svc.pid"
  if [[ -f $pid_file ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    log "$svc already running (pid $(cat "$pid_file"))"
    continue
  fi
  port=$(port_of "$svc")
  NODE_ENV=${NODE_ENV:-development} PORT=$port HOST=${HOST:-127.0.0.1} \
    DATABASE_URL=${DATABASE_URL:-postgres://${PGUSER:-postgres}@${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$db} \
    KAFKA_BROKERS=${KAFKA_BROKERS:-127.0.0.1:9092} \
    KAFKA_TOPIC_PREFIX=${TB_TOPIC_PREFIX:-} \
    KAFKA_CONSUMER_GROUP="${TB_TOPIC_PREFIX:+$TB_TOPIC_PREFIX.}talent-bridge.$svc" \
    AUTH_JWT_PUBLIC_KEY_FILE="$REPO_ROOT/.local/dev-jwt/public.pem" \
    LOG_LEVEL=${LOG_LEVEL:-info} \
    nohup node "dist/apps/$svc/src/main.js" >>"$dir/$svc.log" 2>&1 &
  echo $! >"$pid_file"
  log "$svc starting on port $port (pid $!, log $dir/$svc.log)"
done

for svc in "${SERVICES[@]}"; do
  port=$(port_of "$svc")
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$(cat "$dir/$svc.pid")" 2>/dev/null; then
      log "$svc exited during start-up; last lines of $dir/$svc.log:"; tail -n 20 "$dir/$svc.log" >&2; exit 1
    fi
    sleep 0.5
  done
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null || { log "$svc is not healthy; see $dir/$svc.log"; exit 1; }
done

token() { node --no-warnings dist/libs/auth/src/cli/mint-token.js -q "$@"; }
cat <<MSG

产教桥 Talent Bridge is up.
  需求采集 demand-intake      http://127.0.0.1:$(port_of demand-intake)/docs
  毕业生档案 graduate-profiles http://127.0.0.1:$(port_of graduate-profiles)/docs
  人岗匹配 matching            http://127.0.0.1:$(port_of matching)/docs
  消息通知 notifications       http://127.0.0.1:$(port_of notifications)/docs
  Kafka 127.0.0.1:9092 · PostgreSQL database $db

Tokens (8 h; mint more with: npm run token -- --role <role> --org <id>):
  platform_admin  $(token --role platform_admin)
  organizer       $(token --role organizer --org demo-organizer)
  enterprise      $(token --role enterprise --org demo-enterprise)
  college         $(token --role college --org demo-college)
  graduate        $(token --role graduate --org demo-college --sub demo-graduate)

Stop with: npm stop
MSG

if ! $detach; then
  trap 'bash "$REPO_ROOT/deploy/stop.sh" --services-only; exit 0' INT TERM
  tail -n 0 -F "$dir"/*.log &
  wait
fi
