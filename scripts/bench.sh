#!/usr/bin/env bash
# pnpm bench: the scorecard benchmark on PostgreSQL and PGlite. Uses
# DATABASE_URL when set; otherwise starts a throwaway PostgreSQL 15 on
# BENCH_PG_PORT (3591) and stops it afterwards.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${DATABASE_URL:-}" ]; then
  dir=$(mktemp -d /tmp/tandem-bench-pg.XXXXXX)
  chmod 755 "$dir"
  DATABASE_URL=$("$root/scripts/postgres.sh" start "$dir/pg" "${BENCH_PG_PORT:-3591}")
  trap '"$root/scripts/postgres.sh" stop "$dir/pg"; rm -rf "$dir"' EXIT
fi
export DATABASE_URL
pnpm --filter @tandem/db run bench
