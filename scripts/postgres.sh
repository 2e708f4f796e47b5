#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 server for tests, as the
# `postgres` user (the server refuses to run as root).
#   scripts/postgres.sh start DIR PORT   -> prints the DATABASE_URL
#   scripts/postgres.sh stop DIR
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
cmd=${1:?start or stop}
dir=${2:?data directory}

if [ "$cmd" = stop ]; then
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  exit 0
fi

port=${3:?port}
if [ ! -x "$PGBIN/initdb" ]; then
  apt-get update -qq && apt-get install -y -qq postgresql-15 >/dev/null
fi
id postgres >/dev/null 2>&1 || useradd --system --home "$dir" postgres
install -d -o postgres -g postgres -m 700 "$dir"
if [ ! -f "$dir/data/PG_VERSION" ]; then
  runuser -u postgres -- "$PGBIN/initdb" -D "$dir/data" -U postgres \
    --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" \
  -w -t 30 -o "-c listen_addresses=127.0.0.1 -p $port -k $dir" start >/dev/null
"$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U postgres tandem 2>/dev/null || true
echo "postgres://postgres@127.0.0.1:$port/tandem"
