#!/bin/sh
# The merge step: combines $DATA/shard-0 … shard-(n-1) into $DATA/merged,
# then finishes the job there (eval runs, exports, the round summary), which
# a shard leaves to the merged project. Running it again changes nothing.
set -eu
: "${SHARD_COUNT:?the number of shards}"
DATA="${DATA:-/data}"
CHARKHA="${CHARKHA:-node /app/bin/charkha.js}"
WORKERS="${WORKERS:-2}"

shards=""
i=0
while [ "$i" -lt "$SHARD_COUNT" ]; do
  if [ ! -f "$DATA/shard-$i/charkha.db" ]; then
    echo "run-merge: $DATA/shard-$i is missing; has every shard finished?" >&2
    exit 1
  fi
  shards="$shards $DATA/shard-$i"
  i=$((i + 1))
done
mkdir -p "$DATA/merged"
rm -f "$DATA/merged/charkha.lock"
# --finish: the job's whole-round work (eval runs, exports, the summary) runs
# in the merge's own process, not after a second start-up.
# shellcheck disable=SC2086 # CHARKHA is a command line and shards a list of folders without spaces
exec $CHARKHA merge --finish --workers "$WORKERS" -p "$DATA/merged" $shards
