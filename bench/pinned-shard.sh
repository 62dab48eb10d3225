#!/bin/sh
# CHARKHA for deploy/k8s/run-local.sh in flywheel.bench.ts: each shard runs
# on one core of its own (core = its index modulo the cores), as a pod with a
# one-CPU limit would; the merge, which has no index, runs on all of them.
#
#   CHARKHA="sh bench/pinned-shard.sh bin/charkha.js" deploy/k8s/run-local.sh …
set -eu
cli="$1"
shift
if [ -n "${JOB_COMPLETION_INDEX:-}" ]; then
  exec taskset -c "$((JOB_COMPLETION_INDEX % $(nproc --all)))" node "$cli" "$@"
fi
exec node "$cli" "$@"
