#!/usr/bin/env python3
"""Makes the small Fashion-MNIST slice that `./gaborflow train` uses when no --data is given.

Takes the first TRAIN_PER_CLASS training images and the first TEST_PER_CLASS test images of
each class, in file order (so the slice is class-balanced and the same on every run), and writes
them as gzip-compressed IDX files with the standard names. Only the standard library is used.

    python3 examples/scripts/make-embedded-slice.py [SOURCE_DIR] [OUT_DIR]

SOURCE_DIR defaults to /usr/share/datasets/fashion-mnist (Debian: dataset-fashion-mnist).
"""
import gzip
import os
import struct
import sys

TRAIN_PER_CLASS = 600
TEST_PER_CLASS = 100
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(
    HERE, "..", "src", "main", "resources", "io", "gaborflow", "examples", "data", "fashion-mnist-slice")


def read_idx(path):
    with gzip.open(path) as f:
        data = f.read()
    if data[0] != 0 or data[1] != 0 or data[2] != 8:
        raise SystemExit(f"{path}: not an unsigned-byte IDX file")
    rank = data[3]
    dims = struct.unpack(">" + "I" * rank, data[4:4 + 4 * rank])
    return dims, data[4 + 4 * rank:]


def write_idx(path, dims, payload):
    header = bytes([0, 0, 8, len(dims)]) + struct.pack(">" + "I" * len(dims), *dims)
    # mtime=0 keeps the output byte-identical from run to run.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(header + payload)


def slice_split(src, out, prefix, per_class):
    (count, rows, cols), pixels = read_idx(os.path.join(src, f"{prefix}-images-idx3-ubyte.gz"))
    (label_count,), labels = read_idx(os.path.join(src, f"{prefix}-labels-idx1-ubyte.gz"))
    assert count == label_count, (count, label_count)
    taken = {}
    chosen = []
    for i, label in enumerate(labels):
        if taken.get(label, 0) < per_class:
            taken[label] = taken.get(label, 0) + 1
            chosen.append(i)
    size = rows * cols
    images = b"".join(pixels[i * size:(i + 1) * size] for i in chosen)
    write_idx(os.path.join(out, f"{prefix}-images-idx3-ubyte.gz"), (len(chosen), rows, cols), images)
    write_idx(os.path.join(out, f"{prefix}-labels-idx1-ubyte.gz"), (len(chosen),), bytes(labels[i] for i in chosen))
    print(f"{prefix}: {len(chosen)} images, {len(taken)} classes")


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
    out = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    os.makedirs(out, exist_ok=True)
    slice_split(src, out, "train", TRAIN_PER_CLASS)
    slice_split(src, out, "t10k", TEST_PER_CLASS)


if __name__ == "__main__":
    main()
