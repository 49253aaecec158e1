#!/usr/bin/env bash
# Container health check for the silo and gateway images: exits 0 when GET <path> on this container's
# HTTP port answers 200. The ASP.NET runtime images ship neither curl nor wget, so this speaks HTTP/1.1
# over bash's /dev/tcp instead of adding a package to the image. Kubernetes uses httpGet probes instead.
# Usage: healthcheck.sh [/health/ready]
set -euo pipefail

path="${1:-/health/ready}"
port="${ASPNETCORE_HTTP_PORTS:-8080}"
port="${port%%[;,]*}"

exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS=' ' read -r -t 5 _ status _ <&3
[[ "$status" == "200" ]]
