#!/bin/sh
# One shard of a flywheel job: the entry point of the Indexed Job's pods,
# and of run-local.sh. Kubernetes sets JOB_COMPLETION_INDEX; the Job sets
# SHARD_COUNT to its `completions`. Running it again resumes the shard.
set -eu
: "${JOB_COMPLETION_INDEX:?set by Kubernetes in an Indexed Job}"
: "${SHARD_COUNT:?the number of shards (the Job's completions)}"
CONFIG="${CONFIG:-/config/flywheel.yaml}"
DATA="${DATA:-/data}"
CHARKHA="${CHARKHA:-node /app/bin/charkha.js}"
WORKERS="${WORKERS:-2}"

i="$JOB_COMPLETION_INDEX"
dir="$DATA/shard-$i"
mkdir -p "$dir"
# A pod that was killed leaves its lock behind, and its replacement may get
# the same pid. Only one pod per index runs at a time (podReplacementPolicy:
# Failed), so a lock found here is stale.
rm -f "$dir/charkha.lock"
# shellcheck disable=SC2086 # CHARKHA is a command line, split on purpose
exec $CHARKHA flywheel run "$CONFIG" --shard "$i/$SHARD_COUNT" --workers "$WORKERS" -p "$dir"
