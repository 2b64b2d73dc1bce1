#!/bin/sh
# The same M/M/c queue on the Topolab kernel (mm1_topolab), ns-3 and SimPy in one invocation, and
# the ratios of their event rates (SPEC §7: >= 20 M events/s, >= 5x ns-3, >= 50x SimPy).
#
# Usage: peers_side_by_side.sh [--mm1 PATH] [c] [lambda] [mu] [customers] [seed]
#        default arguments 1 0.8 1 1000000 1, as ../shared/peers/run.sh
# Environment:
#   TOPOLAB_MM1      the mm1_topolab binary (or --mm1; otherwise looked up in the build trees)
#   TOPOLAB_PEERS    the peers' run.sh (default: ../../../shared/peers/run.sh from this script)
#   SIMPY_CUSTOMERS  customers for SimPy, which is slow (default 200000); the ratios compare
#                    rates, so the counts may differ
#
# ns-3 and SimPy come from run.sh. When SimPy gets fewer customers than the others, run.sh runs
# both peers at the SimPy count and ns-3 is then run again at the full count from the binary
# run.sh built (${TMPDIR:-/tmp}/topolab-peers/mmc_ns3).
set -u

here=$(cd "$(dirname "$0")" && pwd)
mm1=${TOPOLAB_MM1:-}
if [ "${1:-}" = "--mm1" ]; then
    mm1=$2
    shift 2
fi
c=${1:-1} lam=${2:-0.8} mu=${3:-1} n=${4:-1000000} seed=${5:-1}
simpyN=${SIMPY_CUSTOMERS:-200000}
peers=${TOPOLAB_PEERS:-$here/../../../shared/peers/run.sh}

if [ -z "$mm1" ]; then
    for candidate in "$here"/../../build/tests/bench/mm1_topolab \
                     "$here"/../../build-*/tests/bench/mm1_topolab; do
        if [ -x "$candidate" ]; then
            mm1=$candidate
            break
        fi
    done
fi
if [ -z "$mm1" ] || [ ! -x "$mm1" ]; then
    echo "mm1_topolab not found: build it (ninja mm1_topolab) and pass --mm1 PATH" >&2
    exit 2
fi

# Installs a peer's Debian package when it is absent and we may: root on a system with apt-get.
havePackage() { dpkg -s "$1" >/dev/null 2>&1; }
ensurePackage() {
    havePackage "$1" && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing $1 ..." >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y "$1" >/dev/null 2>&1 \
            || { apt-get update >/dev/null 2>&1 \
                 && DEBIAN_FRONTEND=noninteractive apt-get install -y "$1" >/dev/null 2>&1; }
    fi
    havePackage "$1"
}

# The value of key=... in a line of key=value pairs.
field() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p" | head -n 1; }

ours=$("$mm1" "$c" "$lam" "$mu" "$n" "$seed") || { echo "mm1_topolab failed" >&2; exit 1; }
echo "$ours"
oursRate=$(field "$ours" events_per_s)

haveNs3=no haveSimpy=no
command -v dpkg >/dev/null 2>&1 || echo "no dpkg: cannot check or install the peers" >&2
ensurePackage libns3-dev && command -v g++ >/dev/null 2>&1 && haveNs3=yes
ensurePackage python3-simpy && haveSimpy=yes
if [ ! -f "$peers" ]; then
    echo "peers script not found at $peers (set TOPOLAB_PEERS)" >&2
    haveNs3=no haveSimpy=no
fi

ns3Line="" simpyLine=""
if [ "$haveNs3" = yes ]; then
    # run.sh builds ns-3 first and stops there if that fails (set -e), so it needs ns-3.
    peerLines=$(sh "$peers" "$c" "$lam" "$mu" "$simpyN" "$seed" 2>/dev/null)
    ns3Line=$(printf '%s\n' "$peerLines" | grep '^engine=ns3' | head -n 1)
    if [ "$haveSimpy" = yes ]; then
        simpyLine=$(printf '%s\n' "$peerLines" | grep '^engine=simpy' | head -n 1)
    fi
    ns3Binary=${TMPDIR:-/tmp}/topolab-peers/mmc_ns3
    if [ "$simpyN" != "$n" ] && [ -x "$ns3Binary" ]; then
        ns3Line=$("$ns3Binary" "$c" "$lam" "$mu" "$n" "$seed" 2>/dev/null | grep '^engine=ns3')
    fi
elif [ "$haveSimpy" = yes ] && [ -f "$peers" ]; then
    # Without ns-3 run.sh stops early; run its SimPy model directly.
    simpyLine=$(/usr/bin/python3 "$(dirname "$peers")/mmc_simpy2.py" "$c" "$lam" "$mu" "$simpyN" \
        "$seed" | sed 's/$/ events_per_s_note=2_per_customer/')
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

if [ -n "$ns3Line" ]; then
    echo "$ns3Line"
    ns3Rate=$(field "$ns3Line" events_per_s)
    echo "ratio topolab/ns3=$(ratio "$oursRate" "$ns3Rate")" \
         "(events_per_s $oursRate / $ns3Rate)"
else
    echo "peer missing: ns-3 (needs libns3-dev, g++ and run.sh); no topolab/ns3 ratio"
fi

if [ -n "$simpyLine" ]; then
    echo "$simpyLine"
    simpyRate=$(awk -v r="$(field "$simpyLine" customers_per_s)" 'BEGIN { printf "%.0f", 2 * r }')
    echo "ratio topolab/simpy=$(ratio "$oursRate" "$simpyRate")" \
         "(events_per_s $oursRate / $simpyRate; SimPy prints customers_per_s, its events_per_s is" \
         "2 x customers_per_s: one arrival and one departure per customer)"
else
    echo "peer missing: SimPy (needs python3-simpy and run.sh); no topolab/simpy ratio"
fi

awk -v r="$oursRate" 'BEGIN { printf "budget: topolab %.1f M events/s (>= 20: %s)\n", r / 1e6,
                              (r >= 20e6 ? "met" : "MISSED") }'
[ -n "$ns3Line" ] && awk -v r="$(ratio "$oursRate" "$ns3Rate")" \
    'BEGIN { printf "budget: %sx ns-3 (>= 5: %s)\n", r, (r >= 5 ? "met" : "MISSED") }'
[ -n "$simpyLine" ] && awk -v r="$(ratio "$oursRate" "$simpyRate")" \
    'BEGIN { printf "budget: %sx SimPy (>= 50: %s)\n", r, (r >= 50 ? "met" : "MISSED") }'
exit 0
