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

    python bench/corruption-references.py \
        robustness/src/test/resources/io/gaborflow/robustness/corruption

Needs numpy, scipy and Pillow, and ImageMagick 6 (Debian's `imagemagick`, 6.9.11 Q16 made the
committed files; give its convert with --convert where another stands first on the PATH).
"""
import argparse
import io
import math
import pathlib
import subprocess

import numpy as np
from PIL import Image
from scipy.ndimage import zoom

ZOOM_STOPS = [1.06, 1.11, 1.16, 1.21, 1.26]
MOTION = [(6, 1), (6, 1.5), (6, 2), (8, 2), (9, 2.5)]
ANGLES = [-41.7, -22.5, -3.2, 0.0, 15.0, 38.9]


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
    np.save(args.out / "motion-blur-angles.npy", np.array(ANGLES, dtype=np.float32))


if __name__ == "__main__":
    main()
