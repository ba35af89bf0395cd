#!/usr/bin/env bash
# The streaming-input benchmark (issue 11): on synthetic JPEG folders of N images (written by
# make-jpeg-folder.py when missing), for each N it prints lenet's peak resident memory, the time
# from launch to the first training step, its epoch time and input wait; on the largest N also
# gabor-nin's input wait, the pipeline's decoding rate alone, and the Keras peer's epoch on the
# same folder (../shared/bench/folder_peers.py), all in this one invocation.
#
#   bench/data/input-bench.sh PYTHON        PYTHON: a Python with numpy, opencv and tensorflow
#
# Environment: SIZES (default "20000 200000"), DIR (default /tmp/gaborflow-input-bench),
# NIN_LIMIT (gabor-nin's training images, default 0: the whole folder; an epoch is ~1,000 s on
# 2 cores), PEER (the peer script).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
python=${1:?usage: bench/data/input-bench.sh PYTHON}
sizes=${SIZES:-20000 200000}
dir=${DIR:-/tmp/gaborflow-input-bench}
peer=${PEER:-$root/../shared/bench/folder_peers.py}
[ -f "$peer" ] || { echo "no peer script at $peer; set PEER=/path/to/folder_peers.py" >&2; exit 2; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Runs a gaborflow command under /usr/bin/time; prints "peak-MB first-step-s epoch-s wait-% images/s".
measure() {
  /usr/bin/time -f "peak %M" -o "$log.time" "$root/gaborflow" "$@" >"$log" 2>&1 || { cat "$log"; exit 1; }
  local peak first epoch
  peak=$(awk '/^peak/ {printf "%.0f", $2 / 1024}' "$log.time")
  first=$(sed -n 's/^first training step done \([0-9.]*\) s.*/\1/p' "$log")
  epoch=$(sed -n 's/^epoch 1\/1: .*accuracy [0-9.]*, \([0-9.]*\) s, \([0-9]*\) images\/s, input wait \([0-9.]*\) %.*/\1 \3 \2/p' "$log")
  echo "$peak $first $epoch"
}

largest=0
for n in $sizes; do
  [ -d "$dir/jpeg-$n/train" ] || "$python" "$root/bench/data/make-jpeg-folder.py" "$dir/jpeg-$n" "$n"
  [ "$n" -gt "$largest" ] && largest=$n
done

printf '%-10s %8s %10s %16s %12s %9s %10s\n' model images "peak MB" "first step (s)" "epoch (s)" "wait %" "images/s"
for n in $sizes; do
  read -r peak first epoch wait rate < <(measure train --model lenet --data "folder:$dir/jpeg-$n" --resize --epochs 1)
  printf '%-10s %8d %10d %16s %12s %9s %10s\n' lenet "$n" "$peak" "$first" "$epoch" "$wait" "$rate"
done
nin_limit=${NIN_LIMIT:-0}
read -r peak first epoch wait rate < <(measure train --model gabor-nin --data "folder:$dir/jpeg-$largest" \
  --limit-train "$nin_limit" --epochs 1)
printf '%-10s %8s %10d %16s %12s %9s %10s\n' gabor-nin "$( [ "$nin_limit" -gt 0 ] && echo "$nin_limit" || echo "$largest")" \
  "$peak" "$first" "$epoch" "$wait" "$rate"

echo
"$root/gaborflow" datasets read --model lenet --data "folder:$dir/jpeg-$largest" --resize 2>/dev/null | tail -1 \
  | sed 's/^epoch 1: /lenet input pipeline alone: /'
echo "keras peer (image_dataset_from_directory + tf.data prefetch), same folder, same LeNet:"
"$python" "$peer" "$dir/jpeg-$largest/train" 1 2>/dev/null | sed 's/^/  /'
