#!/usr/bin/env python3
"""Writes the reference outputs gaborflow's deterministic corruptions are tested against.

zoom_blur has no randomness, and motion_blur none once its angle is drawn, so gaborflow's must give
the published procedure's pixels. This runs make_cifar_c.py's procedures on fixed random images
and writes inputs and outputs as .npy:

- zoom_blur: a centred crop of ceil(h / f) pixels, scipy.ndimage.zoom with order 1, trimmed to h;
  the mean of the image and its zooms over numpy.arange(1, stop, 0.01); uint8 of the clipped value
  times 255.
- motion_blur: the image as a PNG through ImageMagick 6's motion blur (the reference calls
  MagickMotionBlurImage through Wand; `convert -motion-blur RADIUSxSIGMA+ANGLE` calls the same
  MotionBlurImage) and read back, at each severity's radius and sigma and at fixed angles.
- snow: the reference's snow with its random draws given (the flakes' normal values, written as
  float32 so that gaborflow reads the same numbers, and the blur's angle): the flakes zoomed,
  thresholded and motion-blurred as above, the image lifted towards 1.5 grey + 0.5 (OpenCV's
  RGB2GRAY), the flakes added twice, once turned 180 degrees.

    python bench/corruption-references.py \
        robustness/src/test/resources/io/gaborflow/robustness/corruption

Needs numpy, scipy, Pillow and OpenCV, and ImageMagick 6 (Debian's `imagemagick`, 6.9.11 Q16 made the
committed files; give its convert with --convert where another stands first on the PATH).
"""
import argparse
import io
import math
import pathlib
import subprocess

import numpy as np
import cv2
from PIL import Image
from scipy.ndimage import zoom

ZOOM_STOPS = [1.06, 1.11, 1.16, 1.21, 1.26]
MOTION = [(6, 1), (6, 1.5), (6, 2), (8, 2), (9, 2.5)]
ANGLES = [-41.7, -22.5, -3.2, 0.0, 15.0, 38.9]
SNOW = [(0.1, 0.2, 1, 0.6, 8, 3, 0.95),
        (0.1, 0.2, 1, 0.5, 10, 4, 0.9),
        (0.15, 0.3, 1.75, 0.55, 10, 4, 0.9),
        (0.25, 0.3, 2.25, 0.6, 12, 6, 0.85),
        (0.3, 0.3, 1.25, 0.65, 14, 12, 0.8)]
SNOW_ANGLES = [-131.0, -100.5, -90.0, -77.7, -46.2]


def zoomed_about_centre(image, factor):
    size = image.shape[0]
    crop = int(math.ceil(size / factor))
    start = (size - crop) // 2
    enlarged = zoom(image[start:start + crop, start:start + crop], (factor, factor, 1), order=1)
    trim = (enlarged.shape[0] - size) // 2
    return enlarged[trim:trim + size, trim:trim + size]


def zoom_blur(pixels, stop):
    image = (pixels / 255.0).astype(np.float32)
    total = np.zeros_like(image)
    factors = np.arange(1, stop, 0.01)
    for factor in factors:
        total += zoomed_about_centre(image, factor)
    return np.uint8(np.clip((image + total) / (len(factors) + 1), 0, 1) * 255)


def motion_blur(convert, pixels, radius, sigma, angle):
    png = io.BytesIO()
    Image.fromarray(pixels.squeeze(-1) if pixels.shape[-1] == 1 else pixels).save(png, "PNG")
    blurred = subprocess.run(
        [convert, "png:-", "-motion-blur", f"{radius}x{sigma}+{angle}", "png:-"],
        input=png.getvalue(), capture_output=True, check=True).stdout
    image = Image.open(io.BytesIO(blurred))
    mode = "L" if pixels.shape[-1] == 1 else "RGB"
    return np.asarray(image.convert(mode)).reshape(pixels.shape)


def snow(convert, pixels, c, flakes, angle):
    image = np.array(pixels, dtype=np.float32) / 255.0
    layer = zoomed_about_centre(flakes.astype(np.float64)[..., np.newaxis], c[2])
    layer[layer < c[3]] = 0
    layer = np.uint8(np.clip(layer, 0, 1) * 255)
    layer = motion_blur(convert, layer, c[4], c[5], angle) / 255.0
    if image.shape[-1] == 3:
        grey = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)[..., np.newaxis]
    else:
        grey = image
    image = c[6] * image + (1 - c[6]) * np.maximum(image, grey * 1.5 + 0.5)
    return np.uint8(np.clip(image + layer + np.rot90(layer, k=2), 0, 1) * 255)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--convert", default="convert", help="ImageMagick 6's convert")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    random = np.random.default_rng(20)
    for name, shape in [("colour", (32, 32, 3)), ("grey", (28, 28, 1))]:
        # Smooth structure plus noise, so that both the interpolation and the edges matter.
        rows, cols = np.meshgrid(np.arange(shape[0]), np.arange(shape[1]), indexing="ij")
        ramp = (rows * 5 + cols * 3)[..., None] % 256
        image = np.uint8((ramp + random.integers(0, 96, size=shape)) % 256)
        np.save(args.out / f"reference-{name}-input.npy", image)
        out = np.stack([zoom_blur(image, stop) for stop in ZOOM_STOPS])
        np.save(args.out / f"zoom-blur-{name}-severities.npy", out)
        blurred = np.stack([np.stack([motion_blur(args.convert, image, r, s, a) for a in ANGLES])
                            for r, s in MOTION])
        np.save(args.out / f"motion-blur-{name}-severities-by-angle.npy", blurred)
        flakes = np.stack([random.normal(c[0], c[1], size=shape[:2]).astype(np.float32)
                           for c in SNOW])
        np.save(args.out / f"snow-{name}-flakes.npy", flakes)
        snowed = np.stack([snow(args.convert, image, c, f, a)
                           for c, f, a in zip(SNOW, flakes, SNOW_ANGLES)])
        np.save(args.out / f"snow-{name}-severities.npy", snowed)
    np.save(args.out / "snow-angles.npy", np.array(SNOW_ANGLES, dtype=np.float32))
    np.save(args.out / "motion-blur-angles.npy", np.array(ANGLES, dtype=np.float32))


if __name__ == "__main__":
    main()
