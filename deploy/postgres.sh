#!/usr/bin/env bash
# Makes sure a local PostgreSQL answers and the project database exists.
# No Docker: uses the machine's own PostgreSQL (Debian package).
#
# Usage: deploy/postgres.sh ensure
#
# Environment (all optional):
#   PGHOST / PGPORT / PGUSER   server to use   (default 127.0.0.1 / 5432 / postgres)
#   PGPASSWORD                 if the server is not on trust auth
#   TB_DB_NAME                 database name   (default talent_bridge)
set -euo pipefail

export PGHOST=${PGHOST:-127.0.0.1}
export PGPORT=${PGPORT:-5432}
export PGUSER=${PGUSER:-postgres}
# Fail fast instead of hanging on an unreachable host.
export PGCONNECT_TIMEOUT=${PGCONNECT_TIMEOUT:-5}
TB_DB_NAME=${TB_DB_NAME:-talent_bridge}

log() { printf 'postgres.sh: %s\n' "$*"; }

how_to_fix() {
  cat >&2 <<EOF
postgres.sh: error: $1
  PostgreSQL must answer on $PGHOST:$PGPORT as user '$PGUSER'. On Debian:
    apt-get install -y postgresql          # server + psql client
    pg_ctlcluster <version> main start     # e.g. pg_ctlcluster 15 main start
  (see the version with: ls /etc/postgresql). For passwordless local use, set
  'trust' for 127.0.0.1/32 in /etc/postgresql/<version>/main/pg_hba.conf, or
  export PGPASSWORD. Another server: set PGHOST / PGPORT / PGUSER.
EOF
  exit 1
}

# -X: ignore ~/.psqlrc; -v ON_ERROR_STOP: a failing statement fails the script.
run_psql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

server_answers() { run_psql -d postgres -At -c 'SELECT 1' >/dev/null 2>&1; }

is_local_host() {
  case $PGHOST in 127.0.0.1 | localhost | ::1 | /*) return 0 ;; *) return 1 ;; esac
}

# A Debian cluster that is installed but stopped (e.g. after a restart of a
# container without systemd): start it the Debian way. Only clusters that are
# down and configured for $PGPORT are touched.
try_start_local_cluster() {
  is_local_host || return 1
  command -v pg_ctlcluster >/dev/null 2>&1 || return 1
  command -v pg_lsclusters >/dev/null 2>&1 || return 1
  local ver name port status _rest started=1
  # pg_lsclusters -h: "<ver> <cluster> <port> <status> <owner> <datadir> <log>"
  while read -r ver name port status _rest; do
    [[ $port == "$PGPORT" && $status == down* ]] || continue
    log "PostgreSQL not answering; running: pg_ctlcluster --skip-systemctl-redirect $ver $name start"
    # --skip-systemctl-redirect: there is often no systemd here.
    if pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start; then
      started=0
    fi
  done < <(pg_lsclusters -h 2>/dev/null)
  ((started == 0)) || return 1
  # The cluster may need a moment before it accepts connections.
  local i
  for ((i = 0; i < 30; i++)); do
    server_answers && return 0
    sleep 0.5
  done
  return 1
}

cmd_ensure() {
  command -v psql >/dev/null 2>&1 || how_to_fix "psql not found (PostgreSQL client/server not installed)"

  if server_answers; then
    log "PostgreSQL answers on $PGHOST:$PGPORT (user $PGUSER)"
  elif try_start_local_cluster; then
    log "started the local cluster; PostgreSQL answers on $PGHOST:$PGPORT"
  else
    local why
    why=$(run_psql -d postgres -At -c 'SELECT 1' 2>&1 >/dev/null | head -n 3) || true
    how_to_fix "cannot connect to PostgreSQL on $PGHOST:$PGPORT as '$PGUSER': ${why:-no answer}"
  fi

  local exists
  # Passed as a psql variable (:'db' quoting), so any name is safe.
  exists=$(run_psql -d postgres -At -v db="$TB_DB_NAME" <<'SQL'
SELECT 1 FROM pg_database WHERE datname = :'db';
SQL
)
  if [[ $exists == 1 ]]; then
    log "database '$TB_DB_NAME' already exists (nothing to do)"
  else
    # \gexec runs the generated statement only if the database is still
    # missing (idempotent even if two runs race); %I quotes the identifier.
    run_psql -d postgres -v db="$TB_DB_NAME" <<'SQL'
SELECT format('CREATE DATABASE %I', :'db')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db')
\gexec
SQL
    log "created database '$TB_DB_NAME'"
  fi
  log "DATABASE_URL=postgres://$PGUSER@$PGHOST:$PGPORT/$TB_DB_NAME"
}

case ${1:-} in
  ensure) cmd_ensure ;;
  -h | --help | help) sed -n 's/^# \{0,1\}//; /^Usage:/p' "${BASH_SOURCE[0]}" ;;
  *) sed -n 's/^# \{0,1\}//; /^Usage:/p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
esac
