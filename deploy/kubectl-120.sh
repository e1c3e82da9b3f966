#!/usr/bin/env bash
# Unpacks Debian's kubectl 1.20 (package kubernetes-client) into /opt/actors/kubectl-1.20 for the E2E tests.
# A plain install conflicts with the Google Cloud SDK's /usr/bin/kubectl, so the .deb is downloaded and
# extracted instead. Idempotent: an unpacked binary is left alone. Progress goes to stderr.
set -euo pipefail

target=/opt/actors/kubectl-1.20
binary="$target/usr/bin/kubectl"

if [[ -x "$binary" ]]; then
  exit 0
fi

echo "kubectl-120.sh: unpacking kubernetes-client into $target" >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# apt-get download fetches as the _apt user when it can write the directory.
chown _apt: "$work" 2>/dev/null || true
(cd "$work" && apt-get download -qq kubernetes-client >&2) || {
  apt-get update -qq >&2
  (cd "$work" && apt-get download -qq kubernetes-client >&2)
}
mkdir -p "$target"
dpkg-deb -x "$work"/kubernetes-client_*.deb "$target"
"$binary" version --client >&2
