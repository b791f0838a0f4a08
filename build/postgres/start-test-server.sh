#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests that need one (the PostgreSQL store, the
# gateway's cluster tests) and prints the shell lines that point the tests at it:
#
#   eval "$(build/postgres/start-test-server.sh)"     # sets ELJUR_TEST_POSTGRES (+ _DIR, _STOP)
#   dotnet test ...
#   eval "$ELJUR_TEST_POSTGRES_STOP"                  # stops it and deletes its directory
#
# The cluster lives in a new temporary directory (owned by the `postgres` user when run as root),
# listens on a free port of 127.0.0.1 only, and accepts a random password over TCP. Debian's
# `postgresql` package is installed when no server binaries are found (root only).
# Everything this script says goes to stderr; stdout carries only the `export` lines.
set -euo pipefail

say() { echo "postgres: $*" >&2; }

find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

bin=$(find_bin || true)
if [ -z "$bin" ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    say "no PostgreSQL server found under /usr/lib/postgresql/*/bin; install Debian's postgresql package (as root: apt-get install -y postgresql)"
    exit 1
  fi
  say "installing Debian's postgresql package"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bin=$(find_bin) || { say "postgresql installed but no initdb found under /usr/lib/postgresql/*/bin"; exit 1; }
fi

# As root the server must run as an ordinary user: Debian's package creates `postgres`.
run_as=()
owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    say "running as root, but there is no postgres user to run the server as (Debian's postgresql package creates it)"
    exit 1
  fi
  owner=postgres
  run_as=(runuser -u postgres --)
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/eljur-test-postgres.XXXXXX")
chmod 700 "$dir"
[ "$owner" = "$(id -un)" ] || chown "$owner" "$dir"

password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s\n' "$password" >"$dir/pwfile"
chmod 600 "$dir/pwfile"
[ "$owner" = "$(id -un)" ] || chown "$owner" "$dir/pwfile"

"${run_as[@]}" "$bin/initdb" -D "$dir/data" -U eljur --pwfile="$dir/pwfile" \
  --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { say "initdb failed:"; cat "$dir/initdb.log" >&2; exit 1; }
rm -f "$dir/pwfile"

# Loopback only; a throwaway cluster trades durability for speed.
cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

started=
for _ in $(seq 1 20); do
  port=$((20000 + RANDOM % 20000))
  port_free "$port" || continue
  if "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -o "-p $port" -l "$dir/server.log" -w -t 60 start >/dev/null 2>&1; then
    started=1
    break
  fi
done
if [ -z "$started" ]; then
  say "the server did not start; its log:"
  cat "$dir/server.log" >&2 || true
  exit 1
fi

PGPASSWORD="$password" "$bin/psql" -h 127.0.0.1 -p "$port" -U eljur -d postgres -v ON_ERROR_STOP=1 -q \
  -c "CREATE DATABASE eljur_test" >&2

stop="${run_as[*]} $bin/pg_ctl -D $dir/data -m fast stop >/dev/null; rm -rf $dir"
say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir"
echo "export ELJUR_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Database=eljur_test;Username=eljur;Password=$password'"
echo "export ELJUR_TEST_POSTGRES_DIR='$dir'"
echo "export ELJUR_TEST_POSTGRES_STOP='$stop'"
