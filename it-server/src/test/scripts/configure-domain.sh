#!/usr/bin/env bash
# Applies server-config/configure-server.asadmin to the freshly unpacked Payara Server, so the
# suite runs against a domain configured the way the operations guide says. Runs once per unpack.
set -euo pipefail
payara_home="$1"
script="$2"
marker="$payara_home/.codeshare-configured"
[ -f "$marker" ] && [ "$marker" -nt "$script" ] && exit 0
asadmin="$payara_home/bin/asadmin"
"$asadmin" start-domain >/dev/null
trap '"$asadmin" stop-domain >/dev/null' EXIT
"$asadmin" multimode --file "$script"
touch "$marker"
