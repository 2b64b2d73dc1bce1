#!/bin/sh
# Sweep throughput: tasks (one replication of one point) per second for 1 and 2 processes of an
# MPI job and 1 and 2 threads each, on the single-region example; checks that every layout wrote
# the same bytes.
#   bench_sweep.sh TOPOLAB_CLI MPIEXEC EXAMPLE_FILE [REPLICATIONS]
set -eu
cli=$1
mpiexec=$2
example=$3
replications=${4:-64}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

grid="--param www.ttl_s=30,300 --replications $replications --duration 300 -q"
tasks=$((2 * replications))
now() { date +%s.%N; }
run() { # label processes(0 = without MPI) threads
    start=$(now)
    if [ "$2" -eq 0 ]; then
        # shellcheck disable=SC2086
        "$cli" sweep "$example" $grid --threads "$3" --json "$dir/$1.json"
    else
        # shellcheck disable=SC2086
        # Open MPI binds each process to one core: threads need cores of their own.
        "$mpiexec" --allow-run-as-root --oversubscribe --map-by "slot:PE=$3" -n "$2" \
            "$cli" sweep "$example" $grid --threads "$3" --json "$dir/$1.json"
    fi
    end=$(now)
    awk -v s="$start" -v e="$end" -v t="$tasks" -v r="$2" -v th="$3" \
        'BEGIN { printf "%-22s %d thread(s): %d tasks in %.2f s = %.2f tasks/s\n", r == 0 ? "without MPI," : sprintf("MPI, %d process(es),", r), th, t, e - s, t / (e - s) }'
}

# What starting an MPI job costs, apart from any work: a one-task sweep of 1 simulated second.
start=$(now)
"$mpiexec" --allow-run-as-root --oversubscribe -n 2 "$cli" sweep "$example" \
    --param www.ttl_s=30 --replications 1 --duration 1 -q --json "$dir/startup.json"
end=$(now)
awk -v s="$start" -v e="$end" 'BEGIN { printf "MPI job start-up (2 processes, 1 tiny task): %.2f s\n", e - s }'

echo "$tasks tasks: 2 points x $replications replications of 300 simulated s at 400 req/s"
run p0t1 0 1
run p0t2 0 2
run p1t1 1 1
run p1t2 1 2
run p2t1 2 1
run p2t2 2 2
for layout in p0t2 p1t1 p1t2 p2t1 p2t2; do
    cmp "$dir/p0t1.json" "$dir/$layout.json" || { echo "FAIL: $layout wrote other bytes" >&2; exit 1; }
done
echo "all layouts wrote the same bytes"
