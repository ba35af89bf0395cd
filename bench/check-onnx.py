#!/usr/bin/env python3
"""Cross-checks gaborflow's ONNX files outside Java: onnx's own checker accepts each one, and
Python onnxruntime's probabilities for raw pixels equal those of the gaborflow export it came from,
run by Python TensorFlow on the same pixels scaled and standardised as gaborflow.json says.

    python3 bench/check-onnx.py EXPORT_DIR MODEL.onnx [EXPORT_DIR MODEL.onnx ...]

bench/check-onnx.sh trains every catalogue model briefly, exports it both ways and runs this.
Needs numpy, onnx, onnxruntime and tensorflow (the local wheel mirror has them). Exits 1 if any
model fails.
"""
import json
import sys

import numpy as np
import onnx
import onnxruntime
import tensorflow as tf

TOLERANCE = 1e-4
IMAGES = 64


def check(directory, onnx_file):
    model = onnx.load(onnx_file)
    onnx.checker.check_model(model, full_check=True)
    meta = json.load(open(directory + "/gaborflow.json"))
    props = {p.key: p.value for p in model.metadata_props}
    if json.loads(props["gaborflow.class_names"]) != meta["classNames"]:
        return "class names differ"
    rng = np.random.default_rng(7)
    h, w, c = meta["height"], meta["width"], meta["channels"]
    pixels = rng.integers(0, 256, size=(IMAGES, h, w, c)).astype(np.float32)
    mean = np.array(meta["channelMean"], np.float32)
    std = np.array(meta["channelStd"], np.float32)
    prepared = (pixels * np.float32(meta["pixelScale"]) - mean) / std
    serving = tf.saved_model.load(directory).signatures["serving_default"]
    expected = serving(images=tf.constant(prepared))["probabilities"].numpy()
    session = onnxruntime.InferenceSession(onnx_file, providers=["CPUExecutionProvider"])
    if props.get("gaborflow.layout") == "NCHW":
        pixels = pixels.transpose(0, 3, 1, 2)
    actual = session.run(["probabilities"], {"images": pixels})[0]
    worst = float(np.max(np.abs(expected - actual)))
    print(f"{meta['model']}: onnx checker passed, largest difference {worst:.2e}")
    return None if worst <= TOLERANCE else f"largest difference {worst:.2e} > {TOLERANCE}"


def main():
    args = sys.argv[1:]
    if not args or len(args) % 2:
        sys.exit(__doc__)
    failures = []
    for directory, onnx_file in zip(args[::2], args[1::2]):
        problem = check(directory, onnx_file)
        if problem:
            failures.append(f"{onnx_file}: {problem}")
    for failure in failures:
        print("FAILED " + failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
