#!/usr/bin/env python3
"""Writes a synthetic JPEG image folder for the input-pipeline benchmarks (issue 11).

N training images (and N/10 test images) of 32x32 colour in 10 classes, as
  OUT/train/class-<c>/<i>.jpg, OUT/test/class-<c>/<i>.jpg
Class c is a grating at c x 18 degrees with a random phase, period, tint and noise, so the class
can be learned from the image and no two images are the same. Seeded: the same N gives the same
files. Needs numpy and opencv-python-headless (the local package mirror serves both).

    python3 bench/data/make-jpeg-folder.py OUT N
"""
import math
import os
import sys

import cv2
import numpy as np

CLASSES = 10
SIZE = 32


def image(rng, label):
    angle = math.radians(label * 180.0 / CLASSES)
    period = rng.uniform(5.0, 9.0)
    phase = rng.uniform(0.0, 2 * math.pi)
    y, x = np.mgrid[0:SIZE, 0:SIZE].astype(np.float32)
    wave = np.sin((x * math.cos(angle) + y * math.sin(angle)) * 2 * math.pi / period + phase)
    tint = rng.uniform(0.4, 1.0, size=3).astype(np.float32)
    pixels = 127.5 + 100.0 * wave[..., None] * tint + rng.normal(0.0, 12.0, size=(SIZE, SIZE, 3))
    return np.clip(pixels, 0, 255).astype(np.uint8)


def write(root, split, count, rng):
    for c in range(CLASSES):
        os.makedirs(os.path.join(root, split, "class-%d" % c), exist_ok=True)
    for i in range(count):
        label = i % CLASSES
        path = os.path.join(root, split, "class-%d" % label, "%07d.jpg" % i)
        cv2.imwrite(path, image(rng, label), [cv2.IMWRITE_JPEG_QUALITY, 90])


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    root, count = sys.argv[1], int(sys.argv[2])
    rng = np.random.default_rng(count)
    write(root, "train", count, rng)
    write(root, "test", max(CLASSES, count // 10), rng)
    print("wrote %d training and %d test images to %s" % (count, max(CLASSES, count // 10), root))


if __name__ == "__main__":
    main()
