#!/bin/sh
# CHARKHA for deploy/k8s/run-local.sh in flywheel.bench.ts: each shard runs
# on CORES_PER_SHARD cores of its own (default 1; shard I on cores I×K to
# I×K+K-1, modulo the cores), as a pod with a K-CPU limit would; the merge,
# which has no index, runs on all of them.
#
#   CHARKHA="sh bench/pinned-shard.sh bin/charkha.js" deploy/k8s/run-local.sh …
set -eu
cli="$1"
shift
if [ -n "${JOB_COMPLETION_INDEX:-}" ]; then
  k="${CORES_PER_SHARD:-1}"
  n="$(nproc --all)"
  first="$((JOB_COMPLETION_INDEX * k % n))"
  exec taskset -c "$first-$((first + k - 1))" node "$cli" "$@"
fi
exec node "$cli" "$@"
