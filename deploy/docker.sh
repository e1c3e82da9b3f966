#!/usr/bin/env bash
# Provides the Docker engine and the local test image actors/busybox:1 without systemd or a registry.
# Idempotent: an installed package, an answering daemon and an existing image are each left alone.
# Progress goes to stderr; nothing is printed on stdout.
set -euo pipefail

docker_cli=/usr/bin/docker
image="actors/busybox:1"
# Bumped when the image's content changes, so an engine holding an older build gets the new one.
image_revision=2
log=/var/log/actors-dockerd.log
deadline_seconds="${ACTORS_DOCKERD_TIMEOUT:-60}"

say() { echo "docker.sh: $*" >&2; }

engine_answers() { "$docker_cli" info >/dev/null 2>&1; }

if ! command -v dockerd >/dev/null 2>&1 || [[ ! -x "$docker_cli" ]] || [[ ! -x /bin/busybox ]]; then
  say "installing docker.io and busybox-static"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends docker.io busybox-static >&2
fi

if engine_answers; then
  say "engine already answers on /var/run/docker.sock"
else
  # A pid file left by a daemon that died makes dockerd refuse to start.
  if [[ -f /var/run/docker.pid ]] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then
    say "removing stale /var/run/docker.pid"
    rm -f /var/run/docker.pid
  fi
  if [[ -f /var/run/docker.pid ]]; then
    say "dockerd (pid $(cat /var/run/docker.pid)) is running but not answering yet; waiting"
  else
    say "starting dockerd (log: $log)"
    nohup dockerd >>"$log" 2>&1 </dev/null &
    disown || true
  fi
  end=$((SECONDS + deadline_seconds))
  until engine_answers; do
    if ((SECONDS >= end)); then
      say "dockerd did not answer within ${deadline_seconds} s; last log lines:"
      tail -n 20 "$log" >&2 || true
      exit 1
    fi
    sleep 0.25
  done
  say "engine answers"
fi

present_revision="$("$docker_cli" image inspect -f '{{index .Config.Labels "io.actors.image.revision"}}' "$image" 2>/dev/null || true)"
if [[ "$present_revision" == "$image_revision" ]]; then
  say "image $image already present"
  exit 0
fi

say "building $image from /bin/busybox"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/var/www" "$root/root"
chmod 1777 "$root/tmp"
cp /bin/busybox "$root/bin/busybox"
# Every applet, as busybox's own images have them: tar for `kubectl cp`, stty for terminals, and so on.
for applet in $("$root/bin/busybox" --list); do
  [[ "$applet" == busybox ]] || ln -s busybox "$root/bin/$applet"
done
cat >"$root/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
EOF
cat >"$root/etc/group" <<'EOF'
root:x:0:
nogroup:x:65534:
EOF
echo '<html><body>actors busybox</body></html>' >"$root/var/www/index.html"
tar -C "$root" -cf "$work/img.tar" .
"$docker_cli" import --change 'CMD ["sh"]' --change "LABEL io.actors.image.revision=$image_revision" "$work/img.tar" "$image" >/dev/null
say "image $image built"
