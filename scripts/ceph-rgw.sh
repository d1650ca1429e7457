#!/usr/bin/env bash
# Start/stop a throwaway single-node Ceph RGW (S3) for integration tests.
#
#   scripts/ceph-rgw.sh start   # wipe state, boot mon+osd+rgw, print CEPH_S3_* lines
#   scripts/ceph-rgw.sh stop    # stop the daemons, remove the state dir
#
#   CEPH_KEEP_STATE=1 scripts/ceph-rgw.sh start|stop
#     start: over a state dir a keep-mode start made earlier, restart the same cluster
#     (its pools, user and buckets; the ports may differ) instead of wiping it; else as
#     above, in keep mode. stop: stop the daemons and keep the state dir. Keep mode's OSD is
#     BlueStore on a sparse file in the state dir (CEPH_BLUESTORE_BYTES, 64 GiB; its cache
#     CEPH_OSD_MEMORY_BYTES, 1.5 GiB), not memstore: memstore's save on unmount logs a dump of
#     every object, and at a million objects the log entry overflows and the OSD aborts.
#
# Needs (as root, Debian 12): radosgw ceph-mon ceph-osd uuid-runtime curl.
# This script never installs anything. Facts behind each setting:
# docs/stores/ceph-rgw.md.
#
# Env: CEPH_STATE_DIR (/tmp/stowage-ceph), CEPH_RGW_PORT (7480),
#      CEPH_MON_PORT (3300, msgr v2), CEPH_MON_V1_PORT (6789, msgr v1),
#      CEPH_S3_ACCESS_KEY, CEPH_S3_SECRET_KEY,
#      CEPH_MEMSTORE_BYTES (4 GiB: the OSD's RAM-backed capacity; a full OSD blocks writes),
#      CEPH_RGW_STS_PORT (unset: none; a port: a second gateway of the same cluster there,
#      with STS on — rgw_s3_auth_use_sts, rgw_sts_key — and the S3 user gets the
#      oidc-provider=* and roles=* caps; docs/stores/ceph-rgw.md "STS"). The first gateway
#      keeps STS off: with it on, RGW 16 answers some SigV2 requests differently.
# stdout of `start` is exactly the three CEPH_S3_* lines (and CEPH_S3_STS_ENDPOINT with a
# CEPH_RGW_STS_PORT); progress goes to stderr.

set -euo pipefail

STATE_DIR="${CEPH_STATE_DIR:-/tmp/stowage-ceph}"
RGW_PORT="${CEPH_RGW_PORT:-7480}"
MON_PORT="${CEPH_MON_PORT:-3300}"
MON_V1_PORT="${CEPH_MON_V1_PORT:-6789}"
ACCESS_KEY="${CEPH_S3_ACCESS_KEY:-stowage-test}"
SECRET_KEY="${CEPH_S3_SECRET_KEY:-stowage-test-secret-key-0123456789}"
MEMSTORE_BYTES="${CEPH_MEMSTORE_BYTES:-4294967296}"
STS_PORT="${CEPH_RGW_STS_PORT:-}"
# 16 characters: RGW encrypts the session tokens it issues with this key.
STS_KEY="${CEPH_RGW_STS_KEY:-stowageteststs16}"
KEEP_STATE="${CEPH_KEEP_STATE:-}"
BLUESTORE_BYTES="${CEPH_BLUESTORE_BYTES:-68719476736}"
OSD_MEMORY_BYTES="${CEPH_OSD_MEMORY_BYTES:-1610612736}"

MON_TIMEOUT=30
OSD_TIMEOUT=60
RGW_TIMEOUT=60
STOP_TIMEOUT=10
# A kept OSD unmounts BlueStore cleanly as it stops, and mounts (replays its log) as it starts.
KEEP_OSD_STOP_TIMEOUT=600

RGW_NAME="client.rgw.stowage"
RGW_UID="stowage-test"
ENDPOINT="http://127.0.0.1:${RGW_PORT}"
STS_RGW_NAME="client.rgw.sts"
STS_ENDPOINT="http://127.0.0.1:${STS_PORT}"

CONF="${STATE_DIR}/ceph.conf"
RUN_DIR="${STATE_DIR}/run"
LOG_DIR="${STATE_DIR}/log"
KEYRING="${STATE_DIR}/keyring"
MON_LOG="${LOG_DIR}/mon.a.log"
OSD_LOG="${LOG_DIR}/osd.0.log"
RGW_LOG="${LOG_DIR}/${RGW_NAME}.log"

# Every ceph tool (ceph, radosgw-admin, monmaptool...) reads this config, so
# nothing falls back to /etc/ceph or /var/lib/ceph.
export CEPH_CONF="$CONF"

RGW_POOLS=(
  .rgw.root
  default.rgw.control
  default.rgw.meta
  default.rgw.log
  default.rgw.buckets.index
  default.rgw.buckets.data
  default.rgw.buckets.non-ec
)

log() { printf 'ceph-rgw: [%ss] %s\n' "$SECONDS" "$*" >&2; }

show_log() {
  local file="$1"
  if [[ -s "$file" ]]; then
    printf -- '--- last 40 lines of %s ---\n' "$file" >&2
    tail -n 40 "$file" >&2 || true
    printf -- '--- end of %s ---\n' "$file" >&2
  fi
}

# The step in progress, for the message when something fails unexpectedly.
STEP="starting"
step() {
  STEP="$*"
  log "$*"
}

# die MESSAGE [LOGFILE...]: report, show the logs, stop what we started, exit 1.
# The state dir is kept so the full logs can still be read.
DIED=""
die() {
  local msg="$1"
  shift
  DIED=1
  printf 'ceph-rgw: ERROR: %s\n' "$msg" >&2
  local f
  for f in "$@"; do show_log "$f"; done
  stop_daemons || true
  log "daemons stopped; logs kept in ${LOG_DIR}"
  exit 1
}

# EXIT trap of `start`: a command that failed under `set -e` without going
# through die() still gets a clear message and leaves no daemons behind.
# (An EXIT trap, unlike an ERR trap, needs no errtrace and does not fire in
# the background subshells that create pools.)
on_start_exit() {
  local rc=$1
  ((rc != 0)) && [[ -z "$DIED" ]] || return 0
  printf 'ceph-rgw: ERROR: start failed (exit %s) while %s\n' "$rc" "$STEP" >&2
  local f
  for f in "$MON_LOG" "$OSD_LOG" "$RGW_LOG"; do show_log "$f"; done
  stop_daemons || true
  log "daemons stopped; logs kept in ${LOG_DIR}"
}

need() {
  local t
  for t in "$@"; do
    command -v "$t" >/dev/null 2>&1 || {
      printf 'ceph-rgw: ERROR: %s not found (apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd uuid-runtime curl)\n' "$t" >&2
      exit 1
    }
  done
}

# `ceph` waits ~5 minutes for a monitor by default; keep every call bounded.
cephq() { timeout 20 ceph --connect-timeout 10 "$@"; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pid_alive PID COMM: PID exists and is really that daemon (guards pid reuse).
pid_alive() {
  local c
  read -r c 2>/dev/null <"/proc/$1/comm" && [[ "$c" == "$2" ]]
}

# Pids of COMM processes started with our exact config file (-c "$CONF").
# Finds daemons whose pid file is gone (e.g. state dir deleted under them).
pids_for_conf() {
  local comm="$1" p cmdline
  local c
  for p in /proc/[0-9]*; do
    # Builtin read, not $(cat): this loop visits every process.
    read -r c 2>/dev/null <"$p/comm" || continue
    [[ "$c" == "$comm" ]] || continue
    cmdline="$(tr '\0' ' ' 2>/dev/null <"$p/cmdline")" || continue
    [[ " $cmdline " == *" $CONF "* ]] && echo "${p#/proc/}"
  done
  return 0
}

# stop_one COMM PIDFILE: SIGTERM, wait up to STOP_TIMEOUT s, then SIGKILL.
stop_one() {
  local comm="$1" pidfile="$2" timeout="${3:-$STOP_TIMEOUT}" pid pids=() i
  if [[ -r "$pidfile" ]]; then
    pid="$(tr -dc '0-9' <"$pidfile")"
    [[ -n "$pid" ]] && pid_alive "$pid" "$comm" && pids+=("$pid")
  fi
  for pid in $(pids_for_conf "$comm"); do
    [[ " ${pids[*]} " == *" $pid "* ]] || pids+=("$pid")
  done
  ((${#pids[@]})) || return 0
  log "stopping ${comm} (pid ${pids[*]})"
  kill -TERM "${pids[@]}" 2>/dev/null || true
  for ((i = 0; i < timeout * 10; i++)); do
    local alive=0
    for pid in "${pids[@]}"; do pid_alive "$pid" "$comm" && alive=1; done
    ((alive)) || return 0
    sleep 0.1
  done
  log "${comm} ignored SIGTERM for ${timeout}s; sending SIGKILL"
  kill -KILL "${pids[@]}" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    local alive=0
    for pid in "${pids[@]}"; do pid_alive "$pid" "$comm" && alive=1; done
    ((alive)) || return 0
    sleep 0.1
  done
  return 0
}

# RGW first, then OSD, then mon: each depends on the ones after it.
stop_daemons() {
  stop_one radosgw "${RUN_DIR}/${RGW_NAME}.pid"
  stop_one radosgw "${RUN_DIR}/${STS_RGW_NAME}.pid"
  if [[ -n "$KEEP_STATE" ]]; then
    stop_one ceph-osd "${RUN_DIR}/osd.0.pid" "$KEEP_OSD_STOP_TIMEOUT"
  else
    stop_one ceph-osd "${RUN_DIR}/osd.0.pid"
  fi
  stop_one ceph-mon "${RUN_DIR}/mon.a.pid"
}

write_conf() {
  local fsid="$1" osd_store=""
  [[ -n "$KEEP_STATE" ]] || osd_store="# RAM-backed store: no disk/device needed, fast, gone on exit (fine for tests).
osd objectstore = memstore
memstore device bytes = ${MEMSTORE_BYTES}
"
  cat >"$CONF" <<EOF
[global]
fsid = ${fsid}
mon initial members = a
mon host = [v2:127.0.0.1:${MON_PORT},v1:127.0.0.1:${MON_V1_PORT}]
public addr = 127.0.0.1
cluster addr = 127.0.0.1

# Test cluster on loopback: no cephx.
auth cluster required = none
auth service required = none
auth client required = none
# Without this radosgw (secure-only mon connection by default) hangs ~5 min in
# "failed to fetch mon config" when cephx is off.
ms mon client mode = crc secure

# One OSD: replicate nothing, place PGs across OSDs rather than hosts.
osd pool default size = 1
osd pool default min size = 1
mon allow pool size one = true
mon warn on pool no redundancy = false
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0

# The mon batches map changes for 1 s before proposing them; each pool
# create/enable waits for that. 0.1 s cuts ~1 s off start (fine on one mon).
paxos propose interval = 0.1

# The mon shuts itself down when the disk is >95% full by default; CI disks often are.
mon data avail warn = 2
mon data avail crit = 1

# Keep everything under the state dir (defaults point at /var/lib, /var/run, /var/log).
keyring = ${KEYRING}
run dir = ${RUN_DIR}
crash dir = ${STATE_DIR}/crash
mon cluster log file = ${LOG_DIR}/\$cluster.\$channel.log

[client]
# Empty: parallel CLI calls would otherwise collide on one admin socket.
admin socket =

[mon]
mon data = ${STATE_DIR}/mon/\$cluster-\$id
admin socket = ${RUN_DIR}/\$name.asok
pid file = ${RUN_DIR}/\$name.pid
log file = ${LOG_DIR}/\$name.log

[osd]
osd data = ${STATE_DIR}/osd/\$cluster-\$id
${osd_store}admin socket = ${RUN_DIR}/\$name.asok
pid file = ${RUN_DIR}/\$name.pid
log file = ${LOG_DIR}/\$name.log

[${RGW_NAME}]
rgw frontends = beast endpoint=127.0.0.1:${RGW_PORT}
rgw data = ${STATE_DIR}/rgw
admin socket = ${RUN_DIR}/\$name.asok
pid file = ${RUN_DIR}/\$name.pid
log file = ${LOG_DIR}/\$name.log
# Free deleted objects after a minute instead of two hours: memstore is RAM.
rgw gc obj min wait = 60
rgw gc processor period = 60
EOF
  if [[ -n "$KEEP_STATE" ]]; then
    cat >>"$CONF" <<EOF

# CEPH_KEEP_STATE: data that outlives the daemons: BlueStore on a sparse file (osd data/block),
# its cache bounded; a clean stop unmounts it (the default fast shutdown exits without).
[osd]
osd objectstore = bluestore
bluestore block create = true
bluestore block size = ${BLUESTORE_BYTES}
osd memory target = ${OSD_MEMORY_BYTES}
osd fast shutdown = false
EOF
  fi
  if [[ -n "$STS_PORT" ]]; then
    cat >>"$CONF" <<EOF

# A second gateway (CEPH_RGW_STS_PORT) with STS: AssumeRole /
# AssumeRoleWithWebIdentity and the IAM OpenID Connect provider and role APIs.
# The key encrypts the session tokens it issues.
[${STS_RGW_NAME}]
rgw frontends = beast endpoint=127.0.0.1:${STS_PORT}
rgw data = ${STATE_DIR}/rgw-sts
admin socket = ${RUN_DIR}/\$name.asok
pid file = ${RUN_DIR}/\$name.pid
log file = ${LOG_DIR}/\$name.log
rgw s3 auth use sts = true
rgw sts key = ${STS_KEY}
EOF
  fi
}

# wait_for SECONDS WHAT COMM LOGFILE CMD...: retry CMD every 0.5 s until it
# succeeds; fail at once if the COMM daemon has exited instead of waiting out
# the timeout.
wait_for() {
  local secs="$1" what="$2" comm="$3" logfile="$4"
  shift 4
  local deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    [[ -n "$(pids_for_conf "$comm")" ]] || die "${comm} exited while waiting for ${what}" "$logfile"
    ((SECONDS < deadline)) || die "timed out after ${secs}s waiting for ${what}" "$logfile"
    sleep 0.5
  done
}

osd_up() { cephq osd stat 2>/dev/null | grep -Eq '(^| )1 up'; }

http_code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$@" 2>/dev/null || true; }

# Anonymous ListBuckets: 200 with an S3 body (not just any server on the port).
rgw_anon_ok() { curl -sf -m 5 "${1:-$ENDPOINT}/" 2>/dev/null | grep -q ListAllMyBucketsResult; }

# Signed ListBuckets. RGW rejects curl's SigV4 unless x-amz-content-sha256 is sent.
rgw_signed_ok() {
  [[ "$(http_code --aws-sigv4 "aws:amz:us-east-1:s3" \
    --user "${ACCESS_KEY}:${SECRET_KEY}" \
    -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "${ENDPOINT}/")" == 200 ]]
}

# One `ceph` process reading the commands from stdin, not one per command:
# each `ceph` run is a ~0.4 s CPU Python start, so 14 parallel ones take 3 s
# on an idle 2-core box and 8+ s on a busy one; this takes ~1.5-2.5 s.
# Interactive mode always exits 0, so the result is checked afterwards.
create_pools() {
  local pool detail line found missing=()
  for pool in "${RGW_POOLS[@]}"; do
    echo "osd pool create ${pool} 8 8"
    echo "osd pool application enable ${pool} rgw"
  done | timeout 60 ceph --connect-timeout 10 >"${LOG_DIR}/pools.out" 2>&1 || true
  detail="$(cephq osd pool ls detail)" || return 1
  for pool in "${RGW_POOLS[@]}"; do
    found=0
    while IFS= read -r line; do
      [[ "$line" == "pool "*" '${pool}' "*"application rgw"* ]] && found=1
    done <<<"$detail"
    ((found)) || missing+=("$pool")
  done
  ((${#missing[@]} == 0)) || {
    printf 'ceph-rgw: ERROR: pools missing or without application rgw: %s\n' "${missing[*]}" >&2
    return 1
  }
}

check_ports() {
  local p
  for p in "$RGW_PORT" "$MON_PORT" "$MON_V1_PORT" $STS_PORT; do
    if port_in_use "$p"; then
      printf 'ceph-rgw: ERROR: 127.0.0.1:%s is already in use (another Ceph or server?); set CEPH_RGW_PORT/CEPH_MON_PORT/CEPH_MON_V1_PORT/CEPH_RGW_STS_PORT\n' "$p" >&2
      exit 1
    fi
  done
}

print_endpoint() {
  printf 'CEPH_S3_ENDPOINT=%s\n' "$ENDPOINT"
  printf 'CEPH_S3_ACCESS_KEY=%s\n' "$ACCESS_KEY"
  printf 'CEPH_S3_SECRET_KEY=%s\n' "$SECRET_KEY"
  [[ -z "$STS_PORT" ]] || printf 'CEPH_S3_STS_ENDPOINT=%s\n' "$STS_ENDPOINT"
}

# CEPH_KEEP_STATE: the state dir of a keep-mode start that finished (its `kept` file holds
# the cluster's fsid).
KEPT="${STATE_DIR}/kept"
kept_state_ok() {
  [[ -s "$KEPT" && -d "${STATE_DIR}/mon/ceph-a" && -d "${STATE_DIR}/osd/ceph-0" ]]
}

# CEPH_KEEP_STATE: the same cluster again over its state dir: the config is written anew
# (the ports may have changed: the monitor map gets the new ones), the daemons start over
# their data; pools, user and buckets are there already.
restart_kept() {
  local t0=$SECONDS fsid
  fsid="$(<"$KEPT")"
  log "restarting the kept cluster in ${STATE_DIR}"
  stop_daemons
  check_ports
  trap 'on_start_exit $?' EXIT
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  write_conf "$fsid"

  step "monitor map with the ports ${MON_PORT}, ${MON_V1_PORT}"
  ceph-mon -c "$CONF" -i a --extract-monmap "${STATE_DIR}/monmap" >&2 ||
    die "ceph-mon --extract-monmap failed" "$MON_LOG"
  monmaptool --rm a "${STATE_DIR}/monmap" >&2
  monmaptool --addv a "[v2:127.0.0.1:${MON_PORT},v1:127.0.0.1:${MON_V1_PORT}]" \
    "${STATE_DIR}/monmap" >&2
  ceph-mon -c "$CONF" -i a --inject-monmap "${STATE_DIR}/monmap" >&2 ||
    die "ceph-mon --inject-monmap failed" "$MON_LOG"
  ceph-mon -c "$CONF" -i a >&2 </dev/null || die "ceph-mon failed to start" "$MON_LOG"
  wait_for "$MON_TIMEOUT" "the monitor (ceph mon stat)" ceph-mon "$MON_LOG" cephq mon stat

  step "starting the OSD (BlueStore mounts its file)"
  ceph-osd -c "$CONF" -i 0 >&2 </dev/null || die "ceph-osd failed to start" "$OSD_LOG"
  wait_for "$KEEP_OSD_STOP_TIMEOUT" "the OSD to be up (ceph osd stat)" ceph-osd "$OSD_LOG" osd_up

  step "starting radosgw on ${ENDPOINT}"
  radosgw -c "$CONF" -n "$RGW_NAME" >&2 </dev/null || die "radosgw failed to start" "$RGW_LOG"
  wait_for "$RGW_TIMEOUT" "a signed ListBuckets to answer 200" radosgw "$RGW_LOG" rgw_signed_ok
  if [[ -n "$STS_PORT" ]]; then
    radosgw -c "$CONF" -n "$STS_RGW_NAME" >&2 </dev/null ||
      die "radosgw (STS) failed to start" "${LOG_DIR}/${STS_RGW_NAME}.log"
    wait_for "$RGW_TIMEOUT" "the STS gateway to answer GET / with 200" radosgw \
      "${LOG_DIR}/${STS_RGW_NAME}.log" rgw_anon_ok "$STS_ENDPOINT"
  fi
  trap - EXIT
  log "kept cluster ready in $((SECONDS - t0))s"
  print_endpoint
}

cmd_start() {
  need ceph ceph-mon ceph-osd radosgw radosgw-admin ceph-authtool monmaptool uuidgen curl timeout
  local t0=$SECONDS
  if [[ -n "$KEEP_STATE" ]] && kept_state_ok; then
    restart_kept
    return
  fi

  # A previous run (with or without `stop`) is cleaned up first; its daemons
  # are found by pid file or, if the state dir was deleted, by config path.
  [[ -d "$STATE_DIR" ]] && log "cleaning up previous run in ${STATE_DIR}"
  stop_daemons
  rm -rf "$STATE_DIR"

  check_ports

  trap 'on_start_exit $?' EXIT
  mkdir -p "$RUN_DIR" "$LOG_DIR" "${STATE_DIR}/mon" "${STATE_DIR}/osd/ceph-0" \
    "${STATE_DIR}/rgw" "${STATE_DIR}/rgw-sts" "${STATE_DIR}/crash"

  local fsid osd_uuid
  fsid="$(uuidgen)"
  osd_uuid="$(uuidgen)"
  write_conf "$fsid"

  step "creating monitor"
  ceph-authtool --create-keyring "$KEYRING" --gen-key -n mon. --cap mon 'allow *' >&2
  monmaptool --create --fsid "$fsid" \
    --addv a "[v2:127.0.0.1:${MON_PORT},v1:127.0.0.1:${MON_V1_PORT}]" \
    "${STATE_DIR}/monmap" >&2
  ceph-mon -c "$CONF" --mkfs -i a --monmap "${STATE_DIR}/monmap" --keyring "$KEYRING" >&2 ||
    die "ceph-mon --mkfs failed" "$MON_LOG"
  # -c on the command line (not only CEPH_CONF) so `stop` can recognise our
  # daemons from /proc even when their pid files are gone.
  ceph-mon -c "$CONF" -i a >&2 </dev/null || die "ceph-mon failed to start" "$MON_LOG"
  wait_for "$MON_TIMEOUT" "the monitor (ceph mon stat)" ceph-mon "$MON_LOG" cephq mon stat

  if [[ -n "$KEEP_STATE" ]]; then step "creating OSD (BlueStore on a file)"; else step "creating OSD (memstore)"; fi
  local osd_id
  osd_id="$(cephq osd new "$osd_uuid")" || die "ceph osd new failed" "$MON_LOG"
  [[ "$osd_id" == 0 ]] || die "ceph osd new returned '${osd_id}', expected 0" "$MON_LOG"
  ceph-osd -c "$CONF" -i 0 --mkfs --osd-uuid "$osd_uuid" >&2 ||
    die "ceph-osd --mkfs failed" "$OSD_LOG"
  ceph-osd -c "$CONF" -i 0 >&2 </dev/null || die "ceph-osd failed to start" "$OSD_LOG"
  wait_for "$OSD_TIMEOUT" "the OSD to be up (ceph osd stat)" ceph-osd "$OSD_LOG" osd_up

  # Pre-created pools: otherwise RGW creates them lazily and the first
  # CreateBucket and first PutObject each take ~2 s.
  step "creating RGW pools"
  create_pools || die "creating RGW pools failed" "${LOG_DIR}/pools.out" "$MON_LOG"

  step "starting radosgw on ${ENDPOINT}"
  radosgw -c "$CONF" -n "$RGW_NAME" >&2 </dev/null || die "radosgw failed to start" "$RGW_LOG"
  wait_for "$RGW_TIMEOUT" "radosgw to answer GET / with 200" radosgw "$RGW_LOG" rgw_anon_ok

  step "creating S3 user ${RGW_UID}"
  timeout 60 radosgw-admin user create --uid="$RGW_UID" --display-name="Stowage tests" \
    --access-key="$ACCESS_KEY" --secret-key="$SECRET_KEY" >"${LOG_DIR}/user-create.out" 2>&1 ||
    die "radosgw-admin user create failed" "${LOG_DIR}/user-create.out" "$RGW_LOG"
  wait_for "$RGW_TIMEOUT" "a signed ListBuckets to answer 200" radosgw "$RGW_LOG" rgw_signed_ok

  if [[ -n "$STS_PORT" ]]; then
    local sts_log="${LOG_DIR}/${STS_RGW_NAME}.log"
    step "STS: giving ${RGW_UID} the oidc-provider=* and roles=* caps"
    timeout 60 radosgw-admin caps add --uid="$RGW_UID" --caps="oidc-provider=*;roles=*" \
      >"${LOG_DIR}/caps-add.out" 2>&1 ||
      die "radosgw-admin caps add failed" "${LOG_DIR}/caps-add.out" "$RGW_LOG"
    step "starting the STS gateway on ${STS_ENDPOINT}"
    radosgw -c "$CONF" -n "$STS_RGW_NAME" >&2 </dev/null ||
      die "radosgw (STS) failed to start" "$sts_log"
    wait_for "$RGW_TIMEOUT" "the STS gateway to answer GET / with 200" radosgw "$sts_log" \
      rgw_anon_ok "$STS_ENDPOINT"
  fi

  [[ -n "$(pids_for_conf radosgw)" ]] || die "radosgw is not running (port ${RGW_PORT} taken by something else?)" "$RGW_LOG"

  [[ -z "$KEEP_STATE" ]] || echo "$fsid" >"$KEPT"
  trap - EXIT
  log "ready in $((SECONDS - t0))s"
  print_endpoint
}

cmd_stop() {
  stop_daemons
  if [[ -n "$KEEP_STATE" ]]; then
    log "stopped; state kept in ${STATE_DIR}"
    return
  fi
  rm -rf "$STATE_DIR"
  log "stopped"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
