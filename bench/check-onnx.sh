#!/usr/bin/env bash
# Trains every catalogue model for one epoch on small data (the embedded Fashion-MNIST slice, or
# the CIFAR-format stand-in for colour models), exports it as a SavedModel and as ONNX, and runs
# bench/check-onnx.py on every pair. PYTHON names a Python with numpy, onnx, onnxruntime and
# tensorflow (default: python3).
#   bench/check-onnx.sh [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d)}
python=${PYTHON:-python3}
mkdir -p "$work"
if [ ! -d "$work/cifar-standin" ]; then
  "$python" examples/scripts/make-cifar-format-standin.py "$work/cifar-standin" 1000 100 >/dev/null
fi
pairs=()
for model in lenet gabor-lenet nin gabor-nin resnet20 gabor-resnet20 gabor-resnet20-stem \
    gabor-resnet20-stage1 gabor-resnet20-basis; do
  case "$model" in
    *lenet) data=embedded ;;
    *) data=folder:$work/cifar-standin/folder ;;
  esac
  rm -rf "$work/$model" && mkdir -p "$work/$model"
  ./gaborflow train --model "$model" --data "$data" --normalize --epochs 1 --limit-train 1000 \
      --limit-test 100 --export "$work/$model/export" >/dev/null
  ./gaborflow export-onnx --model-dir "$work/$model/export" --out "$work/$model/model.onnx"
  pairs+=("$work/$model/export" "$work/$model/model.onnx")
done
"$python" bench/check-onnx.py "${pairs[@]}"
