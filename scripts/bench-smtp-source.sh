#!/usr/bin/env bash
# Drives Postfix's smtp-source against Postfix's smtp-sink (a reference SMTP server that only
# counts) and against MailLab (`maillab up`, rosnou.ru on 127.0.0.1:2526), in the same load shapes,
# and prints messages per second side by side. Everything runs on loopback with bounded counts.
#
#   scripts/bench-smtp-source.sh [--quick]      (--quick sends a tenth of the messages)
#
# Each shape runs REPEAT times (default 3) against each server and the fastest run is shown (other
# work on the machine only slows a run down); every run must succeed and deliver every message.
#
# Installs Debian's postfix (for smtp-source and smtp-sink) when they are missing, and stops the
# postfix daemon the package starts. Needs bash, awk, curl (optional, for counting what MailLab stored).
set -euo pipefail
cd "$(dirname "$0")/.."

SINK_PORT=${SINK_PORT:-2600}
MAILLAB_PORT=2526 # rosnou.ru's virtual server in the default topology
RECIPIENT=student@rosnou.ru
SENDER=a@example.org
RUN_LIMIT=${RUN_LIMIT:-600} # seconds, per smtp-source run
REPEAT=${REPEAT:-3}
scale=1
if [ "${1:-}" = "--quick" ]; then scale=10; fi

export PATH="$PATH:/usr/sbin:/sbin"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v smtp-source >/dev/null 2>&1 || ! command -v smtp-sink >/dev/null 2>&1; then
  echo "== installing Debian's postfix (for smtp-source and smtp-sink)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix >/dev/null
  # Only the two test programs are wanted: stop the mail daemon the package started.
  as_root postfix stop >/dev/null 2>&1 || true
  as_root service postfix stop >/dev/null 2>&1 || true
fi

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

for port in "$SINK_PORT" "$MAILLAB_PORT" 2525; do
  if port_open "$port"; then
    echo "bench-smtp-source: 127.0.0.1:$port is already in use (another MailLab or smtp-sink?); stop it first." >&2
    exit 1
  fi
done

work=$(mktemp -d)
maillab_pid=""
sink_pid=""
cleanup() {
  if [ -n "$sink_pid" ]; then kill "$sink_pid" 2>/dev/null || true; fi
  if [ -n "$maillab_pid" ]; then kill -INT -- "-$maillab_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The shapes: name|smtp-source options (-m is scaled by --quick).
shapes=(
  "20 sessions, new connection per msg, 1 KB|-s 20 -m $((10000 / scale)) -l 1024"
  "20 sessions, new connection per msg, 100 KB|-s 20 -m $((2000 / scale)) -l 102400"
  "1 session, new connection per msg, 1 KB|-s 1 -m $((2000 / scale)) -l 1024"
  "20 sessions, connection reused (-d), 1 KB|-d -s 20 -m $((10000 / scale)) -l 1024"
)

messages_of() { sed -E 's/.*-m ([0-9]+).*/\1/' <<<"$1"; }
now() { date +%s.%N; }

# run_source PORT OPTIONS LOG -> prints "seconds rc"
run_source() {
  local port=$1 options=$2 log=$3 start end rc=0
  start=$(now)
  # shellcheck disable=SC2086 # the options are meant to split into words
  timeout "$RUN_LIMIT" smtp-source $options -f "$SENDER" -t "$RECIPIENT" "127.0.0.1:$port" >"$log" 2>&1 || rc=$?
  end=$(now)
  awk -v s="$start" -v e="$end" -v rc="$rc" 'BEGIN { printf "%.3f %d\n", e - s, rc }'
}

rate() { awk -v m="$1" -v s="$2" 'BEGIN { printf "%.0f", m / s }'; }
min_of() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | head -1; }

# run_shape PORT OPTIONS -> sets runs (the seconds of each run), best (the least) and failed_rc
run_shape() {
  local port=$1 options=$2 secs rc
  runs=""
  failed_rc=0
  for _ in $(seq "$REPEAT"); do
    read -r secs rc < <(run_source "$port" "$options" "$work/source.log")
    runs="$runs $secs"
    if [ "$rc" -ne 0 ]; then
      failed_rc=$rc
      sed 's/^/    smtp-source: /' "$work/source.log" | head -5
    fi
  done
  best=$(min_of "$runs")
}

declare -A sink_rate sink_check maillab_rate maillab_check maillab_secs sink_secs

echo "== smtp-sink on 127.0.0.1:$SINK_PORT"
for shape in "${shapes[@]}"; do
  name=${shape%%|*}
  options=${shape#*|}
  count=$(messages_of "$options")
  sink_user=()
  if [ "$(id -u)" -eq 0 ]; then sink_user=(-u nobody); fi # smtp-sink refuses to run as root without -u
  smtp-sink "${sink_user[@]}" -c "127.0.0.1:$SINK_PORT" 1000 >"$work/sink.out" 2>&1 &
  sink_pid=$!
  for _ in $(seq 100); do port_open "$SINK_PORT" && break; sleep 0.05; done
  run_shape "$SINK_PORT" "$options"
  kill "$sink_pid" 2>/dev/null || true
  wait "$sink_pid" 2>/dev/null || true
  sink_pid=""
  # smtp-sink -c prints "sess=N quit=N mesg=N" after each event; the last one is the total.
  received=$(tr '\r' '\n' <"$work/sink.out" | grep -oE 'mesg=[0-9]+' | tail -1 | cut -d= -f2 || true)
  received=${received:-0}
  expected=$((count * REPEAT))
  sink_secs[$name]=$best
  sink_rate[$name]=$(rate "$count" "$best")
  if [ "$failed_rc" -eq 0 ] && [ "$received" -eq "$expected" ]; then sink_check[$name]=ok; else sink_check[$name]="FAIL(rc=$failed_rc,got=$received/$expected)"; fi
  printf '  %-45s runs:%s s -> %8s msg/s  %s\n' "$name" "$runs" "${sink_rate[$name]}" "${sink_check[$name]}"
  sleep 1
done

echo "== MailLab (dotnet run -c Release --project src/MailLab.Cli -- up --api-port 0)"
dotnet build src/MailLab.Cli -c Release -nologo -clp:ErrorsOnly -nodeReuse:false -p:UseSharedCompilation=false >"$work/build.log" 2>&1 || {
  cat "$work/build.log" >&2
  exit 1
}
# Its own process group, so Ctrl-C (SIGINT) reaches both `dotnet run` and the server it starts.
# The group's id is the pid that bash -c writes (setsid may fork when started from a job-control shell).
# A non-interactive shell starts background jobs with SIGINT ignored, and an ignored signal stays
# ignored across exec: env --default-signal gives the server its Ctrl-C back.
setsid env --default-signal=INT bash -c 'echo $$ >"$1"; exec dotnet run --no-build -c Release --project src/MailLab.Cli -- up --api-port 0' \
  bash "$work/maillab.pid" >"$work/maillab.log" 2>&1 &
for _ in $(seq 100); do [ -s "$work/maillab.pid" ] && break; sleep 0.05; done
maillab_pid=$(cat "$work/maillab.pid")
for _ in $(seq 600); do
  if port_open "$MAILLAB_PORT"; then break; fi
  if ! kill -0 "$maillab_pid" 2>/dev/null; then
    echo "bench-smtp-source: MailLab exited:" >&2
    cat "$work/maillab.log" >&2
    exit 1
  fi
  sleep 0.1
done
port_open "$MAILLAB_PORT" || { echo "bench-smtp-source: MailLab did not open 127.0.0.1:$MAILLAB_PORT in 60 s" >&2; exit 1; }
for _ in $(seq 100); do grep -q 'admin API' "$work/maillab.log" && break; sleep 0.1; done
api=$(grep -oE 'http://127\.0\.0\.1:[0-9]+/' "$work/maillab.log" | head -1 || true)

stored_count() {
  if [ -z "$api" ] || ! command -v curl >/dev/null 2>&1; then echo "?"; return; fi
  curl -s --max-time 60 "${api}api/mailboxes/$RECIPIENT/messages" | { grep -oE '"id": ?"ML' || true; } | wc -l
}

# A warm-up so the JIT is not timed; these messages are not counted below. Tiered compilation with
# dynamic PGO reaches its final code only after tens of thousands of sessions (measured by hand:
# 40,000-message -d runs went from ~17,000/s after 10,000 warm-up messages to ~18,000/s after
# 50,000), and a test fixture runs for a whole suite, so the steady state is what is compared with
# smtp-sink's C. WARMUP=0 skips it.
WARMUP=${WARMUP:-20000}
if [ "$WARMUP" -gt 0 ]; then
  smtp-source -s 20 -m $((WARMUP / scale)) -l 1024 -f "$SENDER" -t "$RECIPIENT" "127.0.0.1:$MAILLAB_PORT" >/dev/null 2>&1 || true
  smtp-source -d -s 20 -m $((WARMUP / scale)) -l 1024 -f "$SENDER" -t "$RECIPIENT" "127.0.0.1:$MAILLAB_PORT" >/dev/null 2>&1 || true
fi
sleep 1
before=$(stored_count)
for shape in "${shapes[@]}"; do
  name=${shape%%|*}
  options=${shape#*|}
  count=$(messages_of "$options")
  expected=$((count * REPEAT))
  run_shape "$MAILLAB_PORT" "$options"
  after=$(stored_count)
  maillab_secs[$name]=$best
  maillab_rate[$name]=$(rate "$count" "$best")
  if [ "$before" = "?" ] || [ "$after" = "?" ]; then
    if [ "$failed_rc" -eq 0 ]; then maillab_check[$name]="ok(rc)"; else maillab_check[$name]="FAIL(rc=$failed_rc)"; fi
  else
    got=$((after - before))
    if [ "$failed_rc" -eq 0 ] && [ "$got" -eq "$expected" ]; then maillab_check[$name]=ok; else maillab_check[$name]="FAIL(rc=$failed_rc,stored=$got/$expected)"; fi
  fi
  before=$after
  printf '  %-45s runs:%s s -> %8s msg/s  %s\n' "$name" "$runs" "${maillab_rate[$name]}" "${maillab_check[$name]}"
  sleep 1
done

# The server's own peak memory: the child that `dotnet run` started.
server_pid=$(pgrep -P "$maillab_pid" | head -1 || true)
peak=""
if [ -n "$server_pid" ] && [ -r "/proc/$server_pid/status" ]; then
  peak=$(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$server_pid/status")
fi

kill -INT -- "-$maillab_pid" 2>/dev/null || true
for _ in $(seq 150); do kill -0 "$maillab_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$maillab_pid" 2>/dev/null; then
  echo "bench-smtp-source: MailLab did not stop within 15 s of SIGINT; killing it" >&2
  kill -KILL -- "-$maillab_pid" 2>/dev/null || true
elif grep -q 'Stopping MailLab' "$work/maillab.log"; then
  echo "== MailLab stopped (SIGINT)"
fi
wait "$maillab_pid" 2>/dev/null || true
maillab_pid=""

echo
echo "smtp-source -> 127.0.0.1, $(nproc) cores (client and server share them); msg/s = messages / wall time of the fastest of $REPEAT smtp-source runs"
printf '%-45s %12s %12s %9s  %s\n' "shape (smtp-source options)" "smtp-sink" "MailLab" "ML/sink" "checks (sink, MailLab)"
status=0
for shape in "${shapes[@]}"; do
  name=${shape%%|*}
  options=${shape#*|}
  ratio=$(awk -v a="${maillab_rate[$name]}" -v b="${sink_rate[$name]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  printf '%-45s %12s %12s %9s  %s, %s\n' "$options" "${sink_rate[$name]}" "${maillab_rate[$name]}" "$ratio" "${sink_check[$name]}" "${maillab_check[$name]}"
  case "${sink_check[$name]} ${maillab_check[$name]}" in *FAIL*) status=1 ;; esac
done
if [ -n "$peak" ]; then echo "MailLab server peak resident memory (VmHWM): $peak"; fi
if [ "$status" -eq 0 ]; then echo "RESULT: ok"; else echo "RESULT: FAIL"; fi
exit "$status"
