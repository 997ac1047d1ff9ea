#!/usr/bin/env bash
# A PostgreSQL 15 streaming replica of the 5432 cluster, on 127.0.0.1:5433, for the
# READ_DATABASE_URL tests and the read-scaling bench (docs/scaling.md).
#
#   .ci/replica.sh start    (re)build it from a fresh base backup and start it; waits until
#                           it accepts connections and is in recovery
#   .ci/replica.sh stop     stop it (the primary keeps no slot for it, so a stopped replica
#                           holds back no WAL; `start` rebuilds it)
#   .ci/replica.sh remove   stop it and delete the cluster (pg_dropcluster)
#
# Debian's cluster tools: `pg_createcluster` gives it the usual config under
# /etc/postgresql/15/replica, whose data folder is then replaced by `pg_basebackup -R`
# (standby.signal + primary_conninfo to 127.0.0.1:5432). The primary needs one pg_hba line
# allowing replication connections from loopback; it is added once and the primary reloaded.
set -euo pipefail

VERSION=15
NAME=replica
PORT=5433
PRIMARY_PORT=5432
DATA=/var/lib/postgresql/$VERSION/$NAME
PRIMARY_HBA=/etc/postgresql/$VERSION/main/pg_hba.conf
as_postgres() { runuser -u postgres -- "$@"; }
ctl() { pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$NAME" "$@"; }
exists() { pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$VERSION/$NAME"; }

stop() {
  if exists && pg_lsclusters -h | awk -v n="$NAME" '$2 == n {print $4}' | grep -q online; then
    ctl stop -m fast
  fi
}

start() {
  # Replication connections match only `replication` lines, never `all`.
  if ! grep -Eq '^host\s+replication\s+all\s+127\.0\.0\.1/32\s+trust' "$PRIMARY_HBA"; then
    echo 'host replication all 127.0.0.1/32 trust' >>"$PRIMARY_HBA"
    psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -qtAc 'select pg_reload_conf()' >/dev/null
  fi
  stop
  if ! exists; then
    pg_createcluster "$VERSION" "$NAME" -p "$PORT" >/dev/null
  fi
  # Clients authenticate on the replica as on the primary (the same roles, replicated).
  install -o postgres -g postgres -m 640 "$PRIMARY_HBA" "/etc/postgresql/$VERSION/$NAME/pg_hba.conf"
  # Always a fresh base backup: without a slot the primary may have recycled the WAL an old
  # copy would need, and a backup of a few hundred MB takes seconds on loopback.
  rm -rf "$DATA"
  install -d -o postgres -g postgres -m 700 "$DATA"
  as_postgres pg_basebackup -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$DATA" \
    -R -X stream -c fast --no-sync
  # The primary's settings came along in postgresql.auto.conf; the port is this cluster's own
  # (postgresql.conf under /etc), so nothing else needs changing.
  ctl start
  for _ in $(seq 1 60); do
    if [ "$(psql -h 127.0.0.1 -p "$PORT" -U postgres -qtAc 'select pg_is_in_recovery()' 2>/dev/null)" = t ]; then
      echo "replica: 127.0.0.1:$PORT streaming from 127.0.0.1:$PRIMARY_PORT"
      return 0
    fi
    sleep 1
  done
  echo "replica did not come up; log: /var/log/postgresql/postgresql-$VERSION-$NAME.log" >&2
  exit 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  remove)
    stop
    if exists; then pg_dropcluster "$VERSION" "$NAME"; fi
    ;;
  *)
    echo "usage: $0 start|stop|remove" >&2
    exit 2
    ;;
esac
