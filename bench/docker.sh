#!/usr/bin/env bash
# Docker engine benchmark: Actors (`actors up`), Docker Swarm and raw docker create+start side by side on the
# local engine with the local test image: 1 replica to Running, 50 replicas to Running (raw also one at a time),
# a rolling update of 10 and a docker kill healed. Pass --smoke for the CI run (1 and 5 replicas only).
# Everything it creates (containers, the swarm, the image tag, the data directory, the process) is removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=()
[[ "${1:-}" == "--smoke" ]] && smoke=(--smoke)
image=actors/busybox:1
updated=actors/busybox:2
node="bench-$RANDOM$RANDOM"
work="$(mktemp -d /tmp/actors-docker-bench.XXXXXX)"
actors_pid=""
joined_swarm=false
tagged=false

say() { echo "docker.sh: $*" >&2; }

remove_containers() {
  local ids
  ids="$(docker ps -aq --filter "label=$1")"
  if [[ -n "$ids" ]]; then
    # shellcheck disable=SC2086 # one ID per word
    docker rm -f $ids >/dev/null
  fi
}

stop_actors() {
  if [[ -n "$actors_pid" ]] && kill -0 "$actors_pid" 2>/dev/null; then
    kill -TERM "$actors_pid"
    for _ in $(seq 100); do kill -0 "$actors_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$actors_pid" 2>/dev/null || true
    wait "$actors_pid" 2>/dev/null || true
  fi
  actors_pid=""
}

cleanup() {
  local status=$?
  stop_actors
  if $joined_swarm; then
    docker swarm leave --force >/dev/null 2>&1 || true
  fi
  remove_containers "io.actors.node=$node"
  remove_containers io.actors.bench
  if $tagged; then
    docker rmi "$updated" >/dev/null 2>&1 || true
  fi
  if ((status != 0)) && [[ -f "$work/actors.log" ]]; then
    say "last lines of actors up:"
    tail -n 30 "$work/actors.log" >&2
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

deploy/docker.sh
if [[ "$(docker info -f '{{.Swarm.LocalNodeState}}')" != "inactive" ]]; then
  say "the engine is already part of a swarm; refusing to touch it"
  exit 1
fi
if ! docker image inspect "$updated" >/dev/null 2>&1; then
  docker tag "$image" "$updated"
  tagged=true
fi
image_id="$(docker image inspect -f '{{.Id}}' "$image")"

dotnet build src/Silo -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet build bench/DockerBench -c Release -nologo -v quiet -clp:ErrorsOnly >&2

say "docker swarm init"
docker swarm init --advertise-addr 127.0.0.1 >/dev/null
joined_swarm=true

say "actors up (node $node)"
src/Silo/bin/Release/net10.0/actors up --node "$node" --data-dir "$work/actors" \
  --api-port "$(free_port)" --silo-port "$(free_port)" >"$work/actors.log" 2>&1 &
actors_pid=$!
for _ in $(seq 600); do
  grep -qs "runs pods on the Docker engine" "$work/actors.log" && [[ -f "$work/actors/kubeconfig" ]] && break
  kill -0 "$actors_pid" 2>/dev/null || { say "actors up exited"; exit 1; }
  sleep 0.1
done
[[ -f "$work/actors/kubeconfig" ]] || { say "actors up did not come up within 60 s"; exit 1; }

dotnet bench/DockerBench/bin/Release/net10.0/Actors.DockerBench.dll --image "$image" --updated-image "$updated" --image-id "$image_id" \
  --kubeconfig "$work/actors/kubeconfig" --node "$node" "${smoke[@]}"
