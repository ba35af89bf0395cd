#!/usr/bin/env python3
"""Loads a gaborflow export with Python TensorFlow and prints each image's three likeliest classes,
in the format of `gaborflow predict`, so the two can be compared line by line.

The export's serving_default signature takes NHWC float images already scaled and standardised as
gaborflow.json says (pixelScale, channelMean, channelStd); this script applies that itself.

    python3 examples/scripts/check-export-in-python.py MODEL_DIR IMAGE...
    ./gaborflow predict --model-dir MODEL_DIR IMAGE...
Needs numpy, opencv-python-headless and tensorflow.
"""
import json
import sys

import cv2
import numpy as np
import tensorflow as tf


def main():
    directory, images = sys.argv[1], sys.argv[2:]
    meta = json.load(open(directory + "/gaborflow.json"))
    serving = tf.saved_model.load(directory).signatures["serving_default"]
    mean = np.array(meta["channelMean"], np.float32)
    std = np.array(meta["channelStd"], np.float32)
    for path in images:
        flag = cv2.IMREAD_GRAYSCALE if meta["channels"] == 1 else cv2.IMREAD_COLOR
        image = cv2.imread(path, flag)
        image = image[:, :, None] if image.ndim == 2 else image[:, :, ::-1]
        x = (image.astype(np.float32) * meta["pixelScale"] - mean) / std
        p = serving(images=tf.constant(x[None]))["probabilities"].numpy()[0]
        top = np.argsort(-p)[:3]
        print(path + ": " + ", ".join(f"{meta['classNames'][i]} {p[i]:.3f}" for i in top))


if __name__ == "__main__":
    main()
