#!/usr/bin/env bash
# The distributed-training benchmark (issue 12): for lenet and gabor-lenet, one process and a
# cluster of 2 worker processes on 127.0.0.1 (free ports), at the same global batch:
# ms/step, bytes each worker puts into the all-reduce per step, and the share of the step during
# which the all-reduce ran (traced). Each worker times a model in its own process: a server keeps
# a session's variables by name, so one process times one model.
#
#   bench/distributed-bench.sh [ROUNDS]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-10}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

printf '%-12s %8s %12s %18s %16s\n' model workers "ms/step" "exchanged B/step" "all-reduce share"
for model in lenet gabor-lenet; do
  "$root/gaborflow" perf --models "$model" --rounds "$rounds" >"$log/1.txt" 2>&1 || { cat "$log/1.txt"; exit 1; }
  ms=$(awk -v m="$model" '$1 == m {print $2; exit}' "$log/1.txt")
  printf '%-12s %8d %12s %18s %16s\n' "$model" 1 "$ms" 0 -
  cluster="127.0.0.1:$(free_port),127.0.0.1:$(free_port)"
  "$root/gaborflow" perf --models "$model" --rounds "$rounds" --trace --cluster "$cluster" --task 1 >"$log/w1.txt" 2>&1 &
  worker=$!
  "$root/gaborflow" perf --models "$model" --rounds "$rounds" --trace --cluster "$cluster" --task 0 >"$log/w0.txt" 2>&1 \
    || { cat "$log/w0.txt"; exit 1; }
  wait "$worker" || { cat "$log/w1.txt"; exit 1; }
  ms=$(awk -v m="$model" '$1 == m {print $2; exit}' "$log/w0.txt")
  bytes=$(awk -v m="$model" '$1 == m {print $7; exit}' "$log/w0.txt")
  share=$(sed -n 's/.*all-reduce ran during .* step (\([0-9]*\) %).*/\1 %/p' "$log/w0.txt")
  printf '%-12s %8d %12s %18s %16s\n' "$model" 2 "$ms" "$bytes" "$share"
done
