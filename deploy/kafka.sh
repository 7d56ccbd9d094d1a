#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft, broker+controller in one JVM) for
# development and tests on machines without Docker.
#
# The broker jars come from Maven Central through Maven (deploy/kafka/pom.xml
# pins the version); nothing is downloaded from anywhere else. Everything the
# broker writes lives under .local/kafka/ (override with KAFKA_HOME_DIR).
#
# Usage: deploy/kafka.sh start | stop [--kill] | status | logs [-f] [-n N]
#                        | reset [--all] | run-class <main class> [args...]
#
# Environment (all optional):
#   KAFKA_HOME_DIR          cache/state dir           (default <repo>/.local/kafka)
#   KAFKA_PORT              client listener port      (default 9092)
#   KAFKA_CONTROLLER_PORT   KRaft controller port     (default 9093)
#   KAFKA_HEAP_OPTS         JVM heap flags            (default -Xms256m -Xmx512m)
#   KAFKA_OPTS              extra JVM flags for the broker
#   KAFKA_START_TIMEOUT     seconds to wait for readiness (default 90)
#   KAFKA_STOP_TIMEOUT      seconds between SIGTERM and SIGKILL (default 30)
#   MVN                     maven command             (default mvn)
set -euo pipefail

# Resolve paths from the script's own location so it works from any cwd.
SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
REPO_ROOT=$(cd -- "$SCRIPT_DIR/.." && pwd -P)
POM="$SCRIPT_DIR/kafka/pom.xml"

KAFKA_HOME_DIR=${KAFKA_HOME_DIR:-$REPO_ROOT/.local/kafka}
case $KAFKA_HOME_DIR in /*) ;; *) KAFKA_HOME_DIR="$PWD/$KAFKA_HOME_DIR" ;; esac
LIB_DIR="$KAFKA_HOME_DIR/libs"
DATA_DIR="$KAFKA_HOME_DIR/data"
CONF_DIR="$KAFKA_HOME_DIR/config"
LOG_DIR="$KAFKA_HOME_DIR/logs"
PID_FILE="$KAFKA_HOME_DIR/kafka.pid"
LOCK_FILE="$KAFKA_HOME_DIR/.kafka.sh.lock"
SERVER_LOG="$LOG_DIR/server.log"
# JVM stdout/stderr: catches failures that happen before log4j is set up.
CONSOLE_LOG="$LOG_DIR/kafka.out"

KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}
KAFKA_OPTS=${KAFKA_OPTS:-}
KAFKA_START_TIMEOUT=${KAFKA_START_TIMEOUT:-90}
KAFKA_STOP_TIMEOUT=${KAFKA_STOP_TIMEOUT:-30}
MVN=${MVN:-mvn}

# Written into server.log before each launch so readiness is judged only on
# this run's lines, not on a previous run's "started" message.
START_MARKER='=== deploy/kafka.sh: launching broker'

KAFKA_VERSION=$(sed -n 's:.*<kafka\.version>\(.*\)</kafka\.version>.*:\1:p' "$POM")
[[ -n $KAFKA_VERSION ]] || { echo "kafka.sh: cannot read <kafka.version> from $POM" >&2; exit 1; }

log() { printf 'kafka.sh: %s\n' "$*"; }
die() { printf 'kafka.sh: error: %s\n' "$*" >&2; exit 1; }

usage() {
  sed -n 's/^# \{0,1\}//; /^Usage:/,/^$/p' "${BASH_SOURCE[0]}" | sed '/^$/d'
}

# One kafka.sh at a time per KAFKA_HOME_DIR: concurrent starts would race on
# the Maven fetch, the storage format and the pid file.
take_lock() {
  mkdir -p "$KAFKA_HOME_DIR"
  exec 9>"$LOCK_FILE"
  flock -w 300 9 || die "another deploy/kafka.sh is busy with $KAFKA_HOME_DIR (lock $LOCK_FILE)"
}

find_java() {
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
    JAVA="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    JAVA=$(command -v java)
  else
    die "java not found (Kafka $KAFKA_VERSION needs Java 11+); on Debian: apt-get install -y openjdk-17-jre-headless"
  fi
}

# The pid file alone is not trusted: after a reboot or SIGKILL the pid may be
# reused, and a zombie still answers kill -0. Require a live process whose
# command line is our broker with our config.
pid_alive() {
  local pid=$1 cmdline
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  cmdline=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 1
  [[ $cmdline == *kafka.Kafka*"$CONF_DIR/server.properties"* ]]
}

# True once the process has fully exited (or is a zombie nobody reaped).
# Not the same as "! pid_alive": /proc/PID/cmdline goes empty early in exit,
# while the JVM's listening sockets are still open.
pid_gone() {
  local stat
  # (read, not $(<file): a failing $(<file) aborts the script under set -e)
  { read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 0
  stat=${stat##*) }
  [[ ${stat%% *} == Z ]]
}

running_pid() {
  local pid
  { read -r pid <"$PID_FILE"; } 2>/dev/null || return 1
  pid_alive "$pid" || return 1
  printf '%s\n' "$pid"
}

port_open() {
  # shellcheck disable=SC2016 # $1 is expanded by the inner bash on purpose
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# Copies the broker's runtime classpath into $LIB_DIR. Skipped when the jars
# for the current pom.xml are already there (stamp = pom checksum).
fetch_libs() {
  local want stamp="$LIB_DIR/.pom.sha256" tmp mvn_log="$KAFKA_HOME_DIR/maven.log"
  want=$(sha256sum "$POM" | cut -d' ' -f1)
  if [[ -f $stamp && $(<"$stamp") == "$want" && -f $LIB_DIR/kafka_2.13-$KAFKA_VERSION.jar ]]; then
    return 0
  fi
  command -v "$MVN" >/dev/null 2>&1 || die "Maven ('$MVN') not found; on Debian: apt-get install -y maven"
  log "fetching Kafka $KAFKA_VERSION jars from Maven Central into $LIB_DIR (one-time)..."
  # Fetch into a temp dir and swap it in, so an interrupted fetch never
  # leaves a half-filled libs/ that looks complete.
  tmp="$KAFKA_HOME_DIR/libs.tmp.$$"
  rm -rf "$tmp"
  # -B and </dev/null: must never prompt or wait for input (CI=true, no tty).
  if ! "$MVN" -B -q -Dstyle.color=never -f "$POM" \
      dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp" \
      </dev/null >"$mvn_log" 2>&1; then
    rm -rf "$tmp"
    tail -n 40 "$mvn_log" >&2 || true
    die "Maven could not fetch the Kafka jars (full log: $mvn_log)"
  fi
  [[ -f $tmp/kafka_2.13-$KAFKA_VERSION.jar ]] || { rm -rf "$tmp"; die "Maven ran but kafka_2.13-$KAFKA_VERSION.jar is missing"; }
  printf '%s\n' "$want" >"$tmp/.pom.sha256"
  rm -rf "$LIB_DIR"
  mv "$tmp" "$LIB_DIR"
  log "fetched $(find "$LIB_DIR" -name '*.jar' | wc -l) jars"
}

write_config() {
  mkdir -p "$CONF_DIR" "$DATA_DIR" "$LOG_DIR"
  # Regenerated on every start so port/env changes apply; data stays.
  cat >"$CONF_DIR/server.properties" <<EOF
# Generated by deploy/kafka.sh on every start - edit the script, not this file.
# Single-node KRaft: this JVM is both broker and the only controller.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
# Loopback only: this broker is for local development and tests.
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA_DIR

# One node: every replication factor / ISR must be 1.
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
min.insync.replicas=1
# Fewer internal partitions than the default 50: faster first group join.
offsets.topic.num.partitions=10
transaction.state.log.num.partitions=10

# The services create their own topics; typos must fail, not auto-create.
auto.create.topics.enable=false
num.partitions=3
# Consumers in tests should get partitions immediately.
group.initial.rebalance.delay.ms=0

# After an unclean stop (kill -9) the controller keeps the old broker
# registration until its session expires (default 9 s) and rejects the new
# one with DUPLICATE_BROKER_REGISTRATION meanwhile; a shorter session makes
# kill/restart fault tests recover ~2x faster. Still tolerant of 4 s stalls.
broker.session.timeout.ms=4000
broker.heartbeat.interval.ms=1000

# Sized for a 2-core dev box.
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1

# Keep local disk use modest.
log.retention.hours=24
log.retention.bytes=268435456
log.segment.bytes=67108864
log.retention.check.interval.ms=300000
EOF

  # Broker logging: Kafka 3.9 logs through slf4j -> reload4j (log4j 1.x).
  cat >"$CONF_DIR/log4j.properties" <<'EOF'
# Generated by deploy/kafka.sh.
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=${kafka.logs.dir}/server.log
log4j.appender.file.MaxFileSize=20MB
log4j.appender.file.MaxBackupIndex=3
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=INFO
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
EOF

  write_tools_log4j
}

# CLI tools (StorageTool, run-class): warnings to stderr only.
write_tools_log4j() {
  mkdir -p "$CONF_DIR"
  cat >"$CONF_DIR/tools-log4j.properties" <<'EOF'
# Generated by deploy/kafka.sh.
log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.Target=System.err
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF
}

run_tool() {
  "$JAVA" -Xmx256m -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$CONF_DIR/tools-log4j.properties" \
    -cp "$LIB_DIR/*" "$@"
}

# KRaft needs its log dir formatted (cluster id + bootstrap metadata) once.
format_storage() {
  [[ -f $DATA_DIR/meta.properties ]] && return 0
  local cluster_id
  cluster_id=$(run_tool kafka.tools.StorageTool random-uuid)
  log "formatting KRaft storage in $DATA_DIR (cluster id $cluster_id)"
  run_tool kafka.tools.StorageTool format -t "$cluster_id" \
    -c "$CONF_DIR/server.properties" --ignore-formatted >/dev/null
}

print_failure_logs() {
  {
    echo "---- last lines of $SERVER_LOG ----"
    tail -n 40 "$SERVER_LOG" 2>/dev/null || echo "(none)"
    echo "---- last lines of $CONSOLE_LOG ----"
    tail -n 20 "$CONSOLE_LOG" 2>/dev/null || echo "(none)"
  } >&2
}

started_since_marker() {
  # The last "Kafka Server started" must come after the last launch marker.
  awk -v m="$START_MARKER" 'index($0, m) == 1 { ok = 0 } /Kafka Server started/ { ok = 1 } END { exit !ok }' \
    "$SERVER_LOG" 2>/dev/null
}

# wait_ready new|existing
#   new:      we just launched it: ready = this run logged "Kafka Server
#             started" AND the client port accepts TCP; stopped on timeout.
#   existing: it was already running (its start lines may have rotated out
#             of server.log): ready = the client port accepts TCP.
wait_ready() {
  local mode=$1 deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  while true; do
    if ! running_pid >/dev/null; then
      print_failure_logs
      die "broker exited during startup"
    fi
    if { [[ $mode == existing ]] || started_since_marker; } && port_open "$KAFKA_PORT"; then
      return 0
    fi
    if ((SECONDS >= deadline)); then
      print_failure_logs
      if [[ $mode == new ]]; then
        stop_broker "$(running_pid)" TERM || true
      fi
      die "broker not ready on 127.0.0.1:$KAFKA_PORT after ${KAFKA_START_TIMEOUT}s"
    fi
    sleep 0.5
  done
}

cmd_start() {
  local pid t0=$SECONDS
  take_lock
  if pid=$(running_pid); then
    wait_ready existing
    log "already running (pid $pid) on 127.0.0.1:$KAFKA_PORT"
    return 0
  fi
  rm -f "$PID_FILE"
  # A clear message instead of a bind error deep in the log. The short grace
  # period covers a broker that was killed a moment ago and is still exiting.
  if ! wait_ports_free 5; then
    die "127.0.0.1:$KAFKA_PORT or 127.0.0.1:$KAFKA_CONTROLLER_PORT is in use by another process (not the broker in $KAFKA_HOME_DIR)"
  fi

  find_java
  fetch_libs
  write_config
  format_storage

  local -a heap extra
  read -r -a heap <<<"$KAFKA_HEAP_OPTS"
  read -r -a extra <<<"$KAFKA_OPTS"
  printf '%s %s ===\n' "$START_MARKER" "$(date '+%Y-%m-%d %H:%M:%S')" >>"$SERVER_LOG"
  printf '%s %s ===\n' "$START_MARKER" "$(date '+%Y-%m-%d %H:%M:%S')" >>"$CONSOLE_LOG"

  # setsid: own session, so the broker survives the calling shell / CI step
  # and a Ctrl-C there. The inner bash writes its own pid and then execs java,
  # so the pid file holds the JVM's pid even if setsid had to fork.
  # 9>&- : the JVM must not inherit our lock fd (it would hold the lock forever).
  # shellcheck disable=SC2016 # $$/$0/$@ belong to the inner bash
  nohup setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" \
    "$JAVA" "${heap[@]}" -server \
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$CONF_DIR/log4j.properties" \
    -Dkafka.logs.dir="$LOG_DIR" \
    ${extra[@]+"${extra[@]}"} \
    -cp "$LIB_DIR/*" kafka.Kafka "$CONF_DIR/server.properties" \
    </dev/null >>"$CONSOLE_LOG" 2>&1 9>&- &

  # Wait for the pid file written by the child.
  local i
  for ((i = 0; i < 50; i++)); do
    running_pid >/dev/null && break
    sleep 0.1
  done
  pid=$(running_pid) || { print_failure_logs; die "broker process did not start"; }
  log "started Kafka $KAFKA_VERSION (pid $pid), waiting up to ${KAFKA_START_TIMEOUT}s for 127.0.0.1:$KAFKA_PORT..."
  wait_ready new
  log "ready on 127.0.0.1:$KAFKA_PORT (controller 127.0.0.1:$KAFKA_CONTROLLER_PORT) after $((SECONDS - t0))s; logs: $SERVER_LOG"
}

# stop_broker PID SIGNAL: send SIGNAL, escalate to SIGKILL after the timeout.
stop_broker() {
  local pid=$1 sig=$2 deadline
  kill -s "$sig" "$pid" 2>/dev/null || true
  if [[ $sig == TERM ]]; then
    deadline=$((SECONDS + KAFKA_STOP_TIMEOUT))
    until pid_gone "$pid" || ((SECONDS >= deadline)); do sleep 0.5; done
    if ! pid_gone "$pid"; then
      log "still running after ${KAFKA_STOP_TIMEOUT}s, sending SIGKILL"
      kill -s KILL "$pid" 2>/dev/null || true
    fi
  fi
  # SIGKILL is asynchronous; wait (bounded) until the process is really gone
  # and its listeners are closed, so an immediate start finds the ports free.
  deadline=$((SECONDS + 10))
  until pid_gone "$pid" || ((SECONDS >= deadline)); do sleep 0.1; done
  pid_gone "$pid" || die "pid $pid is still alive after SIGKILL"
  rm -f "$PID_FILE"
  wait_ports_free 10 || true
}

# wait_ports_free SECONDS: true once neither broker port accepts connections.
wait_ports_free() {
  local deadline=$((SECONDS + $1))
  while port_open "$KAFKA_PORT" || port_open "$KAFKA_CONTROLLER_PORT"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

cmd_stop() {
  local sig=TERM pid
  case ${1:-} in
    --kill) sig=KILL ;;
    "") ;;
    *) die "unknown option for stop: $1 (expected --kill)" ;;
  esac
  take_lock
  if ! pid=$(running_pid); then
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  if [[ $sig == KILL ]]; then
    log "killing broker (pid $pid) with SIGKILL (unclean shutdown)"
  else
    log "stopping broker (pid $pid)..."
  fi
  stop_broker "$pid" "$sig"
  log "stopped"
}

cmd_status() {
  local pid
  if pid=$(running_pid); then
    local accepting=no
    port_open "$KAFKA_PORT" && accepting=yes
    echo "running (pid $pid, Kafka $KAFKA_VERSION, bootstrap 127.0.0.1:$KAFKA_PORT, accepting connections: $accepting)"
    return 0
  fi
  echo "stopped"
  return 1
}

cmd_logs() {
  local follow=() lines=200
  while (($#)); do
    case $1 in
      -f | --follow) follow=(-F) ;;
      -n) lines=${2:?-n needs a number}; shift ;;
      *) die "unknown option for logs: $1 (expected -f, -n N)" ;;
    esac
    shift
  done
  [[ -f $SERVER_LOG ]] || die "no log yet at $SERVER_LOG"
  exec tail -n "$lines" ${follow[@]+"${follow[@]}"} "$SERVER_LOG"
}

cmd_reset() {
  cmd_stop
  log "deleting data, config and logs in $KAFKA_HOME_DIR"
  rm -rf "$DATA_DIR" "$CONF_DIR" "$LOG_DIR"
  if [[ ${1:-} == --all ]]; then
    log "deleting downloaded jars too"
    rm -rf "$LIB_DIR" "$KAFKA_HOME_DIR"/libs.tmp.* "$KAFKA_HOME_DIR/maven.log"
  fi
}

# Runs any class from the broker classpath, e.g.
#   deploy/kafka.sh run-class org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:9092 --list
cmd_run_class() {
  (($#)) || die "usage: run-class <main class> [args...]"
  find_java
  take_lock
  # Never swap the jars under a running broker (only start refreshes them).
  if ! running_pid >/dev/null || [[ ! -d $LIB_DIR ]]; then
    fetch_libs
  fi
  # Only the tools' own log config: server.properties of a running broker
  # must not be rewritten from this shell's environment.
  [[ -f $CONF_DIR/tools-log4j.properties ]] || write_tools_log4j
  # Release the lock: a tool may run for a long time (e.g. a console consumer).
  exec 9>&-
  run_tool "$@"
}

main() {
  local cmd=${1:-}
  (($#)) && shift
  case $cmd in
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) cmd_status ;;
    logs) cmd_logs "$@" ;;
    reset) cmd_reset "$@" ;;
    run-class) cmd_run_class "$@" ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
