#!/bin/sh
# A sweep across the processes of an MPI job writes the same bytes as one on local threads, in
# both modes; and a process that dies takes the job down with a message, leaving no output.
#   sweep_mpi_test.sh TOPOLAB_CLI MPIEXEC EXAMPLE_FILE
set -eu
cli=$1
mpiexec=$2
example=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
mpi() { "$mpiexec" --allow-run-as-root --oversubscribe "$@"; }

grid="--param www.ttl_s=30,300 --param kind:app_server.workers=6,8 --replications 3 --duration 300 -q"
# shellcheck disable=SC2086
"$cli" sweep "$example" $grid --threads 2 --json "$dir/threads.json"
# shellcheck disable=SC2086
mpi -n 3 "$cli" sweep "$example" $grid --json "$dir/mpi3.json"
cmp "$dir/threads.json" "$dir/mpi3.json" || fail "3 processes wrote other bytes than 2 threads"
# shellcheck disable=SC2086
mpi -n 2 "$cli" sweep "$example" $grid --threads 2 --json "$dir/mpi2.json"
cmp "$dir/threads.json" "$dir/mpi2.json" || fail "2 processes of 2 threads differ"
echo "requests mode: 2 threads, 3 processes and 2x2 agree"

years="--param kind:app_server.workers=4,8 --years 0.05 --replications 3 -q"
# shellcheck disable=SC2086
"$cli" sweep "$example" $years --threads 1 --json "$dir/years-1.json"
# shellcheck disable=SC2086
mpi -n 3 "$cli" sweep "$example" $years --json "$dir/years-mpi.json"
cmp "$dir/years-1.json" "$dir/years-mpi.json" || fail "availability mode differs under MPI"
echo "availability mode: 1 thread and 3 processes agree"

# A mistake is reported once, by rank 0, and every process exits 1.
if mpi -n 3 "$cli" sweep "$example" --param www.ttl_s=-5 2>"$dir/usage.err"; then
    fail "a bad --param was accepted under MPI"
fi
[ "$(grep -c 'ttl_s' "$dir/usage.err")" -eq 1 ] || fail "the error was not said once: $(cat "$dir/usage.err")"

# Kill the process of rank 2 while it works: the job must fail, say so, and write nothing but
# its checkpoint; the same command then finishes the runs that are missing and writes what an
# uninterrupted sweep writes.
long="--param www.ttl_s=30,60,120,300 --replications 20 --duration 900 -q"
# shellcheck disable=SC2086
mpi -n 3 "$cli" sweep "$example" $long --json "$dir/killed.json" \
    --checkpoint "$dir/killed.checkpoint" 2>"$dir/killed.err" &
job=$!
victim=
for _ in $(seq 1 200); do
    for pid in $(pgrep -f 'topolab-cli sweep' || true); do
        if { tr '\0' '\n' <"/proc/$pid/environ"; } 2>/dev/null | grep -qx 'OMPI_COMM_WORLD_RANK=2'
        then
            victim=$pid
        fi
    done
    [ -n "$victim" ] && break
    sleep 0.1
done
[ -n "$victim" ] || { kill "$job" 2>/dev/null; fail "rank 2 never started"; }
sleep 1
kill -9 "$victim"
status=0
wait "$job" || status=$?
[ "$status" -ne 0 ] || fail "the job succeeded although rank 2 was killed"
[ ! -e "$dir/killed.json" ] || fail "a killed job wrote its output"
grep -q 'rank 2' "$dir/killed.err" || fail "the runtime did not name rank 2: $(cat "$dir/killed.err")"
grep -q 'no result was written' "$dir/killed.err" \
    || fail "rank 0 did not say the run failed: $(cat "$dir/killed.err")"
echo "a killed rank fails the job (exit $status) with no output:"
grep -E 'rank 2|no result was written' "$dir/killed.err" | sed 's/^/    /'

done_before=$(($(wc -l <"$dir/killed.checkpoint") - 1))
[ "$done_before" -gt 0 ] || fail "the checkpoint kept no run"
# shellcheck disable=SC2086
"$cli" sweep "$example" $long --json "$dir/resumed.json" --checkpoint "$dir/killed.checkpoint" \
    2>"$dir/resumed.err" || fail "the resumed sweep failed: $(cat "$dir/resumed.err")"
grep -q "resuming from $dir/killed.checkpoint: $done_before of 80 runs already done" \
    "$dir/resumed.err" || fail "no resume message for $done_before runs: $(cat "$dir/resumed.err")"
# shellcheck disable=SC2086
"$cli" sweep "$example" $long --json "$dir/whole.json"
cmp "$dir/whole.json" "$dir/resumed.json" || fail "the resumed sweep differs from a whole one"
echo "resumed after $done_before of 80 runs: the same bytes as an uninterrupted sweep"
