#!/bin/sh
# Runs the Kubernetes Jobs on this machine: N shard processes in parallel
# through run-shard.sh (the Indexed Job's entry point, with
# JOB_COMPLETION_INDEX set as Kubernetes sets it), then run-merge.sh.
#
#   deploy/k8s/run-local.sh CONFIG DATA_DIR [N]
#
# CHARKHA picks the CLI (default: the build, node bin/charkha.js; from
# sources: CHARKHA="node --import tsx native/cli/bin.ts"). Each shard's
# output is in DATA_DIR/shard-I.log.
set -eu
if [ "$#" -lt 2 ]; then
  echo "usage: $0 CONFIG DATA_DIR [N]" >&2
  exit 1
fi
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
config="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
mkdir -p "$2"
data="$(cd "$2" && pwd)"
n="${3:-4}"
export CONFIG="$config" DATA="$data" SHARD_COUNT="$n"
export CHARKHA="${CHARKHA:-node $root/bin/charkha.js}"
cd "$root"

pids=""
i=0
while [ "$i" -lt "$n" ]; do
  JOB_COMPLETION_INDEX="$i" sh "$here/run-shard.sh" >"$data/shard-$i.log" 2>&1 &
  pids="$pids $!"
  i=$((i + 1))
done
failed=0
i=0
for pid in $pids; do
  if ! wait "$pid"; then
    echo "run-local: shard $i failed; the end of $data/shard-$i.log:" >&2
    tail -n 20 "$data/shard-$i.log" >&2
    failed=1
  fi
  i=$((i + 1))
done
[ "$failed" -eq 0 ] || exit 1
sh "$here/run-merge.sh"
