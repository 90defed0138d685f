#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for the test suite and prints its URL.
# Installs Debian's postgresql package when it is missing (needs root). pg_ctl refuses to run
# as root, so as root the server runs as the `postgres` user. Usage: postgres.sh start|stop
# The server is left running between test runs (start reuses it); `postgres.sh stop` stops it,
# and a later start starts the same cluster again, its data kept.
# STUDYBOT_PG_PORT (default 55432) and STUDYBOT_PG_DATA (default /tmp/studybot-pg-PORT) choose
# the port and the data folder; the server's log is server.log in the data folder.
set -euo pipefail

PORT="${STUDYBOT_PG_PORT:-55432}"
DATA="${STUDYBOT_PG_DATA:-/tmp/studybot-pg-$PORT}"
DB="studybot_test"
LOG="$DATA/server.log"
log() { echo "postgres.sh: $*" >&2; }

# A start that failed (a port already in use, a full disk): name the log and show its end.
start_failed() {
  log "could not start PostgreSQL on 127.0.0.1:$PORT; the server log is $LOG"
  if [ -f "$LOG" ]; then
    log "last lines of $LOG:"
    tail -n 15 "$LOG" | sed 's/^/  /' >&2
  fi
  log "another server on port $PORT? choose a free one with STUDYBOT_PG_PORT=<port>"
  log "a damaged throwaway cluster? remove $DATA and start again"
  exit 1
}

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}

install_server() {
  if [ "$(id -u)" != 0 ]; then
    log "PostgreSQL is not installed and this user cannot install it (apt-get install postgresql)"
    exit 1
  fi
  log "installing PostgreSQL from Debian packages"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
}

start() {
  local bin
  bin="$(find_bin)"
  if [ -z "$bin" ]; then install_server; bin="$(find_bin)"; fi
  if [ -f "$DATA/PG_VERSION" ] && as_owner "'$bin/pg_ctl' -D '$DATA' status" >/dev/null 2>&1; then
    log "reusing the server in $DATA"
  else
    if [ ! -f "$DATA/PG_VERSION" ]; then
      # Never wipe a folder this script did not make: a cluster is kept (and started below),
      # anything else that is not empty is refused.
      if [ -d "$DATA" ] && [ -n "$(ls -A "$DATA")" ]; then
        log "$DATA is not empty and holds no PostgreSQL cluster; choose another STUDYBOT_PG_DATA"
        exit 1
      fi
      mkdir -p "$DATA"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
      as_owner "'$bin/initdb' -D '$DATA' -A trust -U postgres --no-sync" >/dev/null
    fi
    as_owner "'$bin/pg_ctl' -D '$DATA' -l '$LOG' -w -o \"-c listen_addresses=127.0.0.1 -p $PORT -k /tmp -c fsync=off\" start" >/dev/null 2>&1 || start_failed
    log "started PostgreSQL on 127.0.0.1:$PORT (data in $DATA)"
  fi
  if ! "$bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "select 1 from pg_database where datname='$DB'" | grep -q 1; then
    "$bin/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
  fi
  echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/$DB"
}

stop() {
  local bin
  bin="$(find_bin)"
  [ -n "$bin" ] && [ -f "$DATA/PG_VERSION" ] && as_owner "'$bin/pg_ctl' -D '$DATA' -m fast stop" >/dev/null 2>&1 || true
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) log "usage: postgres.sh start|stop"; exit 2 ;;
esac
