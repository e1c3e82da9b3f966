#!/usr/bin/env bash
# Docker engine benchmark: Actors (`actors up`, once with its warm sandbox pool and once without), Docker Swarm and
# raw docker create+start side by side on the local engine with the local test image: 1 replica to Running, 50
# replicas to Running (raw also one at a time), a rolling update of 10 and a docker kill healed. Pass --smoke for the
# CI run (1 and 5 replicas only); ACTORS_BENCH_POOL_SIZE sets the pooled node's --sandbox-pool-size (default 3).
# Everything it creates (containers, the swarm, the image tag, the data directories, the processes) is removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=()
[[ "${1:-}" == "--smoke" ]] && smoke=(--smoke)
image=actors/busybox:1
updated=actors/busybox:2
pool_size="${ACTORS_BENCH_POOL_SIZE:-3}"
node="bench-$RANDOM$RANDOM"
node_no_pool="$node-nopool"
work="$(mktemp -d /tmp/actors-docker-bench.XXXXXX)"
actors_pids=()
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
  local pid
  for pid in "${actors_pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  actors_pids=()
}

cleanup() {
  local status=$?
  stop_actors
  if $joined_swarm; then
    docker swarm leave --force >/dev/null 2>&1 || true
  fi
  remove_containers "io.actors.node=$node"
  remove_containers "io.actors.node=$node_no_pool"
  remove_containers io.actors.bench
  if $tagged; then
    docker rmi "$updated" >/dev/null 2>&1 || true
  fi
  if ((status != 0)); then
    for log in "$work"/*.log; do
      [[ -f "$log" ]] || continue
      say "last lines of $log:"
      tail -n 30 "$log" >&2
    done
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

# start_actors NODE POOL_SIZE: `actors up` on its own data directory and ports, waited for until it runs pods.
start_actors() {
  local name=$1 size=$2
  say "actors up (node $name, --sandbox-pool-size $size)"
  src/Silo/bin/Release/net10.0/actors up --node "$name" --data-dir "$work/$name" --sandbox-pool-size "$size" \
    --api-port "$(free_port)" --silo-port "$(free_port)" >"$work/$name.log" 2>&1 &
  local pid=$!
  actors_pids+=("$pid")
  for _ in $(seq 600); do
    grep -qs "runs pods on the Docker engine" "$work/$name.log" && [[ -f "$work/$name/kubeconfig" ]] && return 0
    kill -0 "$pid" 2>/dev/null || { say "actors up ($name) exited"; exit 1; }
    sleep 0.1
  done
  say "actors up ($name) did not come up within 60 s"
  exit 1
}
start_actors "$node" "$pool_size"
start_actors "$node_no_pool" 0

dotnet bench/DockerBench/bin/Release/net10.0/Actors.DockerBench.dll --image "$image" --updated-image "$updated" --image-id "$image_id" \
  --pool-size "$pool_size" --kubeconfig "$work/$node/kubeconfig" --node "$node" \
  --kubeconfig-no-pool "$work/$node_no_pool/kubeconfig" --node-no-pool "$node_no_pool" "${smoke[@]}"
