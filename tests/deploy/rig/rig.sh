#!/usr/bin/env bash
# Several real hosts on one machine, for the deploy end-to-end tests. Runs as root.
#
#   rig.sh up DIR NAME N [--s3] [--net X] [--owner PID]
#   rig.sh down DIR
#
# `up` creates network namespaces NAME-c (the deploying client) and NAME-h1..NAME-hN (the hosts).
# NAME-c holds a bridge br0 at 10.X.0.1/24; host i is joined to it by a veth pair (eth0 in the
# host, hI on the bridge) at 10.X.0.(10+i)/24. Every link is created inside the namespaces and
# nothing is added to the initial namespace: no link, no address, no route. Each host runs its
# own sshd (key-only, root allowed, its own ed25519 host key) and writes under its own prefix
# DIR/hI/root. DIR receives:
#   client_key, client_key.pub   the key the client logs in with (ed25519, no passphrase)
#   known_hosts                  every host's key, pinned from its generated .pub
#   inventory.yaml               a `deploy: hosts:` fragment, one entry per slot h1..hN (a test
#                                puts its component ids in place of the slot names)
#   addresses                    "hI 10.X.0.(10+i)" per line (also printed), then "s3 URL BUCKET"
#   hI/sshd_config, hI/sshd.log, hI/sshd.pid, hI/ssh_host_ed25519_key(.pub), hI/root/
# With --s3, host hN also runs s3rver (npm s3rver@3.7.1, installed once into
# $TOPOLAB_S3RVER_CACHE, default /var/cache/topolab-tests/s3rver) on 10.X.0.(10+N):4568 with a
# bucket `backups` and its default credentials; DIR/s3/curl.conf (0600) holds them for
# `curl -K`, so they never appear on a command line.
#
# Address scheme: X is --net, or else 100 + (cksum of NAME) mod 150, so two rigs of different
# names usually differ. Equal values still work: each rig's addresses exist only in its own
# namespaces, and its known_hosts pins its own hosts' keys.
#
# --owner PID: a watcher in the initial namespace takes the rig down when PID exits, so a test
# that crashes or is killed by a timeout leaves nothing running.
#
# `down` kills every process in the rig's namespaces (`ip netns pids`) and the watcher, deletes
# the namespaces (and with them every link), and keeps DIR for its logs. It is safe to call
# twice, and after an `up` that stopped half-way (`up` calls it itself when it fails).
set -euo pipefail

self=$(readlink -f "${BASH_SOURCE[0]}")
s3rver_version=3.7.1
s3_port=4568
s3_bucket=backups

die() {
    echo "rig: $*" >&2
    exit 1
}

usage() {
    sed -n '4,5p' "$self" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# The namespaces of rig NAME with N hosts.
rig_namespaces() {
    local name=$1 n=$2 i
    printf '%s\n' "$name-c"
    for ((i = 1; i <= n; i++)); do
        printf '%s\n' "$name-h$i"
    done
}

existing_namespaces() {
    ip netns list | awk '{print $1}'
}

# Reads KEY=VALUE lines of DIR/rig.env into rig_name, rig_hosts and rig_net.
read_state() {
    local key value
    rig_name='' rig_hosts=0 rig_net=0
    while IFS='=' read -r key value; do
        case $key in
            NAME) rig_name=$value ;;
            HOSTS) rig_hosts=$value ;;
            NET) rig_net=$value ;;
        esac
    done <"$1/rig.env"
    [[ $rig_name =~ ^[a-z0-9][a-z0-9-]*$ && $rig_hosts =~ ^[0-9]+$ ]] \
        || die "$1/rig.env is not a rig's state file"
}

# Lists the pids in the given namespaces (those that still exist).
pids_in() {
    local ns
    for ns in "$@"; do
        ip netns pids "$ns" 2>/dev/null || true
    done
}

stop_watcher() {
    local dir=$1 pid
    [ -f "$dir/watch.pid" ] || return 0
    pid=$(<"$dir/watch.pid")
    rm -f "$dir/watch.pid"
    [[ $pid =~ ^[0-9]+$ ]] || return 0
    [ "$pid" != "$$" ] || return 0 # the watcher itself is taking the rig down
    if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$dir"; then
        kill -TERM -- "-$pid" 2>/dev/null || true
    fi
}

cmd_down() {
    [ $# -eq 1 ] || usage
    local dir=$1 ns pids t
    [ -f "$dir/rig.env" ] || return 0
    read_state "$dir"
    stop_watcher "$dir"

    local mine=() present
    present=$(existing_namespaces)
    while read -r ns; do
        if grep -qxF -- "$ns" <<<"$present"; then
            mine+=("$ns")
        fi
    done < <(rig_namespaces "$rig_name" "$rig_hosts")

    if [ ${#mine[@]} -gt 0 ]; then
        pids=$(pids_in "${mine[@]}")
        [ -z "$pids" ] || kill -TERM $pids 2>/dev/null || true
        for ((t = 0; t < 30 && ${#pids} > 0; t++)); do
            sleep 0.1
            pids=$(pids_in "${mine[@]}")
        done
        [ -z "$pids" ] || kill -KILL $pids 2>/dev/null || true
        for ((t = 0; t < 50 && ${#pids} > 0; t++)); do
            sleep 0.1
            pids=$(pids_in "${mine[@]}")
        done
        [ -z "$pids" ] || die "processes survive in rig $rig_name: $(echo $pids)"
        for ns in "${mine[@]}"; do
            ip netns delete "$ns"
        done
    fi
    rm -f "$dir/rig.env"
    echo "rig: $rig_name is down"
}

# Installs s3rver into the shared cache once; concurrent rigs wait for each other.
install_s3rver() {
    local cache=$1
    mkdir -p "$cache"
    (
        flock 9
        if ! grep -qs "\"version\": \"$s3rver_version\"" "$cache/node_modules/s3rver/package.json"
        then
            command -v node >/dev/null && command -v npm >/dev/null \
                || die "--s3 needs node and npm (installer/test.sh installs Debian's nodejs npm)"
            echo "rig: installing s3rver@$s3rver_version into $cache" >&2
            npm install --prefix "$cache" --no-audit --no-fund --loglevel=error \
                "s3rver@$s3rver_version" >&2
        fi
    ) 9>"$cache.lock"
}

# Waits until every address answers on the port, probing from namespace NS.
wait_for_port() {
    local ns=$1 port=$2
    shift 2
    timeout 30 ip netns exec "$ns" bash -c '
        port=$1
        shift
        for a in "$@"; do
            for ((t = 0; t < 250; t++)); do
                (exec 3<>"/dev/tcp/$a/$port") 2>/dev/null && continue 2
                sleep 0.04
            done
            echo "rig: nothing answers on $a:$port" >&2
            exit 1
        done' probe "$port" "$@" || die "timed out waiting for port $port on $*"
}

write_sshd_config() {
    local dir=$1 host=$2
    cat >"$dir/$host/sshd_config" <<EOF
# sshd of rig host $host: key-only, root by key, one host key, logs to $dir/$host/sshd.log.
Port 22
ListenAddress 0.0.0.0
HostKey $dir/$host/ssh_host_ed25519_key
PidFile $dir/$host/sshd.pid
UsePAM no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
AuthorizedKeysFile $dir/client_key.pub
Subsystem sftp internal-sftp
# Bash reads root's ~/.bashrc for a command sshd starts at shell level 1; this machine's login
# files (a pyenv setup costing 0.3 s per command) are no part of a rig host.
SetEnv SHLVL=1
UseDNS no
PrintMotd no
PrintLastLog no
MaxStartups 64:30:128
MaxSessions 32
LogLevel VERBOSE
EOF
}

start_s3rver() {
    local dir=$1 ns=$2 address=$3
    local cache=${TOPOLAB_S3RVER_CACHE:-/var/cache/topolab-tests/s3rver}
    mkdir -p "$dir/s3/data"
    (
        umask 077
        printf 'user = "S3RVER:S3RVER"\naws-sigv4 = "aws:amz:us-east-1:s3"\n' \
            >"$dir/s3/curl.conf"
    )
    ip netns exec "$ns" setsid -f node "$cache/node_modules/s3rver/bin/s3rver.js" \
        -d "$dir/s3/data" -a "$address" -p "$s3_port" --configure-bucket "$s3_bucket" \
        >"$dir/s3/s3rver.log" 2>&1 </dev/null
    wait_for_port "$rig_name-c" "$s3_port" "$address"
    # Signed with the rig's credentials: the bucket exists and the credentials work.
    ip netns exec "$rig_name-c" curl -sSf -o /dev/null -K "$dir/s3/curl.conf" \
        -H 'x-amz-content-sha256:UNSIGNED-PAYLOAD' \
        "http://$address:$s3_port/$s3_bucket?list-type=2" \
        || die "s3rver on $address does not list bucket $s3_bucket (see $dir/s3/s3rver.log)"
}

start_watcher() {
    local dir=$1 owner=$2 t
    setsid -f bash -c 'echo $$ >"$1/watch.pid"; tail --pid="$2" -f /dev/null; exec "$3" down "$1"' \
        rig-watch "$dir" "$owner" "$self" </dev/null >>"$dir/watch.log" 2>&1
    for ((t = 0; t < 100; t++)); do
        [ -s "$dir/watch.pid" ] && return 0
        sleep 0.02
    done
    die "the watcher of PID $owner did not start"
}

cmd_up() {
    [ $# -ge 3 ] || usage
    local dir=$1 name=$2 hosts=$3 s3=0 net='' owner=''
    shift 3
    while [ $# -gt 0 ]; do
        case $1 in
            --s3) s3=1 ;;
            --net) net=${2:-}; shift ;;
            --owner) owner=${2:-}; shift ;;
            *) usage ;;
        esac
        shift
    done
    [ "$(id -u)" -eq 0 ] || die "must run as root (network namespaces)"
    [[ $dir =~ ^/[A-Za-z0-9/._-]+$ ]] \
        || die "DIR must be an absolute path of letters, digits and / . _ -: $dir"
    [[ $name =~ ^[a-z0-9][a-z0-9-]{0,30}$ ]] || die "NAME must be a-z, 0-9 and -: $name"
    [[ $hosts =~ ^[0-9]+$ ]] && [ "$hosts" -ge 1 ] && [ "$hosts" -le 200 ] \
        || die "N must be 1 to 200: $hosts"
    if [ -z "$net" ]; then
        net=$(($(printf '%s' "$name" | cksum | cut -d' ' -f1) % 150 + 100))
    fi
    [[ $net =~ ^[0-9]+$ ]] && [ "$net" -ge 1 ] && [ "$net" -le 254 ] || die "--net must be 1 to 254"
    [ -z "$owner" ] || [[ $owner =~ ^[0-9]+$ ]] || die "--owner takes a process id"
    local c
    for c in ip ssh-keygen setsid timeout flock; do
        command -v "$c" >/dev/null || die "$c is missing"
    done
    [ -x /usr/sbin/sshd ] || die "/usr/sbin/sshd is missing (Debian package openssh-server)"
    [ -c /dev/null ] || die "/dev/null is not a character device, so sshd cannot become a" \
        "daemon; restore it: mknod -m 666 /dev/null.new c 1 3 && mv /dev/null.new /dev/null"
    [ ! -f "$dir/rig.env" ] || die "$dir holds a rig that is up: rig.sh down $dir first"
    local present ns
    present=$(existing_namespaces)
    while read -r ns; do
        ! grep -qxF -- "$ns" <<<"$present" || die "namespace $ns exists already"
    done < <(rig_namespaces "$name" "$hosts")
    [ $s3 -eq 0 ] || install_s3rver "${TOPOLAB_S3RVER_CACHE:-/var/cache/topolab-tests/s3rver}"

    mkdir -p "$dir"
    chmod 0755 "$dir"
    printf 'NAME=%s\nHOSTS=%s\nNET=%s\n' "$name" "$hosts" "$net" >"$dir/rig.env"
    rig_name=$name up_dir=$dir
    trap 'rc=$?; trap - EXIT; [ $rc -eq 0 ] || "$self" down "$up_dir" >&2 || true; exit $rc' EXIT

    local client=$name-c prefix=10.$net.0 i host address
    ip netns add "$client"
    ip -n "$client" link set lo up
    ip -n "$client" link add br0 type bridge
    ip -n "$client" addr add "$prefix.1/24" dev br0
    ip -n "$client" link set br0 up

    rm -f "$dir/client_key" "$dir/client_key.pub"
    ssh-keygen -q -t ed25519 -N '' -C "$name-client" -f "$dir/client_key"
    mkdir -p /run/sshd
    chmod 0755 /run/sshd

    local addresses=() known=''
    for ((i = 1; i <= hosts; i++)); do
        host=h$i
        address=$prefix.$((10 + i))
        addresses+=("$address")
        ip netns add "$name-$host"
        ip -n "$name-$host" link set lo up
        ip -n "$name-$host" link add eth0 type veth peer name "$host" netns "$client"
        ip -n "$client" link set "$host" master br0 up
        ip -n "$name-$host" addr add "$address/24" dev eth0
        ip -n "$name-$host" link set eth0 up

        mkdir -p "$dir/$host"/root/{etc,srv,var/lib,var/log,var/backups,run,tmp}
        chmod 0755 "$dir/$host" "$dir/$host"/root "$dir/$host"/root/{etc,srv,var,var/lib,var/log}
        chmod 0755 "$dir/$host"/root/{var/backups,run}
        chmod 1777 "$dir/$host/root/tmp"
        rm -f "$dir/$host/ssh_host_ed25519_key" "$dir/$host/ssh_host_ed25519_key.pub"
        ssh-keygen -q -t ed25519 -N '' -C "$name-$host" -f "$dir/$host/ssh_host_ed25519_key"
        known+="$address $(cut -d' ' -f1,2 "$dir/$host/ssh_host_ed25519_key.pub")"$'\n'
        write_sshd_config "$dir" "$host"
        : >"$dir/$host/sshd.log"
        ip netns exec "$name-$host" /usr/sbin/sshd -f "$dir/$host/sshd_config" \
            -E "$dir/$host/sshd.log"
    done
    printf '%s' "$known" >"$dir/known_hosts"

    {
        echo "# Rig $name: one entry per host slot; a test puts its component ids in place of"
        echo "# h1..h$hosts. Host keys: $dir/known_hosts"
        echo "deploy:"
        echo "  hosts:"
        for ((i = 1; i <= hosts; i++)); do
            echo "    - {component: h$i, address: ${addresses[i - 1]}, port: 22, user: root," \
                "key_file: $dir/client_key, root: $dir/h$i/root, service_manager: process}"
        done
    } >"$dir/inventory.yaml"

    wait_for_port "$client" 22 "${addresses[@]}"

    {
        for ((i = 1; i <= hosts; i++)); do
            echo "h$i ${addresses[i - 1]}"
        done
    } >"$dir/addresses"
    if [ $s3 -eq 1 ]; then
        start_s3rver "$dir" "$name-h$hosts" "${addresses[hosts - 1]}"
        echo "s3 http://${addresses[hosts - 1]}:$s3_port $s3_bucket" >>"$dir/addresses"
    fi
    [ -z "$owner" ] || start_watcher "$dir" "$owner"
    cat "$dir/addresses"
    trap - EXIT
}

case ${1:-} in
    up) shift; cmd_up "$@" ;;
    down) shift; cmd_down "$@" ;;
    *) usage ;;
esac
