#!/usr/bin/env bash
# Runs a command with a private, throwaway PostgreSQL cluster: initdb in a temporary folder, pg_ctl on 127.0.0.1 and
# a free port, TEST_DATABASE=postgres and TEST_DATABASE_URL exported for the command, and the cluster stopped and
# removed however the command ends. initdb and pg_ctl refuse to run as root, so as root they run as `postgres`.
# Usage: scripts/with-postgres.sh npx jest --runInBand --selectProjects integration postgres
set -euo pipefail

bin=$(command -v pg_ctl >/dev/null 2>&1 && dirname "$(command -v pg_ctl)" || ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  echo "PostgreSQL's server programs (initdb, pg_ctl) are not installed: apt-get install -y postgresql" >&2
  exit 2
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/steward-pg-XXXXXX")
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}
[[ $(id -u) -eq 0 ]] && chown postgres "$dir"

stop() {
  as_owner "'$bin/pg_ctl' -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT INT TERM

as_owner "'$bin/initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 >'$dir/initdb.log' 2>&1" || { cat "$dir/initdb.log" >&2; exit 2; }
# fsync off: the cluster lives only as long as the tests. Sockets in the temp folder, not /var/run/postgresql.
as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300\" start" >/dev/null \
  || { cat "$dir/server.log" >&2; exit 2; }
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir)"

export TEST_DATABASE=postgres
export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$port/postgres"
set +e
"$@"
status=$?
set -e
exit "$status"
