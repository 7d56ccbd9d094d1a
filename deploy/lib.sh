# Shared helpers for deploy/*.sh (sourced, not run).
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SERVICES=(demand-intake graduate-profiles matching notifications)

log() { printf '[talent-bridge] %s\n' "$*" >&2; }

# Installs npm dependencies when node_modules is missing or older than the lock file.
# `npm ci` refuses this lock file (npm 11 leaves other platforms' optional bindings out of it),
# so `npm install` installs the locked versions instead.
ensure_node_modules() {
  local stamp="$REPO_ROOT/node_modules/.tb-installed"
  if [[ -f "$stamp" && "$stamp" -nt "$REPO_ROOT/package-lock.json" && "$stamp" -nt "$REPO_ROOT/package.json" ]]; then
    return 0
  fi
  command -v node >/dev/null || { log "Node.js 20.19+ is required (apt-get install nodejs, or nodesource)"; exit 1; }
  log "installing npm dependencies (locked versions)"
  (cd "$REPO_ROOT" && npm install --no-audit --no-fund --ignore-scripts)
  touch "$stamp"
}

port_of() { # service -> port
  local base=${TB_PORT_BASE:-3000}
  case $1 in
    demand-intake) echo $((base + 1)) ;;
    graduate-profiles) echo $((base + 2)) ;;
    matching) echo $((base + 3)) ;;
    notifications) echo $((base + 4)) ;;
  esac
}

run_dir() { echo "${TB_RUN_DIR:-$REPO_ROOT/.local/run}"; }
