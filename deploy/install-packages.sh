#!/usr/bin/env bash
# Installs the Debian packages the cluster and its tests need. Idempotent: a package
# already present is skipped, so a second run costs only the dpkg queries.
set -euo pipefail

packages=(docker.io busybox-static postgresql chromium python3-kubernetes iptables)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
