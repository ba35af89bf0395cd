#!/usr/bin/env python3
"""Writes a stand-in for CIFAR-10 in both of CIFAR-10's layouts, made from Fashion-MNIST.

CIFAR-10 itself is not served by any registry this project's machines reach, so the CIFAR-10
readers and the Network-in-Network models are exercised on this: the first N training and test
images of Fashion-MNIST, resized to 32x32 (nearest neighbour) and repeated over three channels,
written as
  OUT/binary/data_batch_1.bin .. data_batch_5.bin, test_batch.bin, batches.meta.txt
  OUT/folder/train/<class>/<i>.png, OUT/folder/test/<class>/<i>.png
With real CIFAR-10 on disk, use it instead: --data cifar10:DIR or --data folder:DIR.

    python3 examples/scripts/make-cifar-format-standin.py OUT [TRAIN_COUNT] [TEST_COUNT]
"""
import gzip
import os
import struct
import sys
import zlib

SRC = "/usr/share/datasets/fashion-mnist"
NAMES = ["t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle-boot"]


def idx(path):
    data = gzip.open(path).read()
    rank = data[3]
    dims = struct.unpack(">" + "I" * rank, data[4:4 + 4 * rank])
    return dims, data[4 + 4 * rank:]


def to32(img28):
    """28x28 grey -> 32x32 grey, nearest neighbour."""
    return bytes(img28[(y * 28 // 32) * 28 + (x * 28 // 32)] for y in range(32) for x in range(32))


def png(path, grey32):
    rows = b"".join(b"\x00" + b"".join(bytes((v, v, v)) for v in grey32[y * 32:(y + 1) * 32]) for y in range(32))

    def chunk(tag, body):
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 32, 32, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def split(prefix, count):
    (n, _, _), pixels = idx(f"{SRC}/{prefix}-images-idx3-ubyte.gz")
    _, labels = idx(f"{SRC}/{prefix}-labels-idx1-ubyte.gz")
    return [(labels[i], to32(pixels[i * 784:(i + 1) * 784])) for i in range(min(count, n))]


def main():
    out = sys.argv[1]
    train = split("train", int(sys.argv[2]) if len(sys.argv) > 2 else 5000)
    test = split("t10k", int(sys.argv[3]) if len(sys.argv) > 3 else 1000)
    binary = os.path.join(out, "binary")
    os.makedirs(binary, exist_ok=True)
    record = lambda label, g: bytes([label]) + g * 3  # the same plane as red, green and blue
    per = (len(train) + 4) // 5
    for b in range(5):
        with open(os.path.join(binary, f"data_batch_{b + 1}.bin"), "wb") as f:
            f.write(b"".join(record(l, g) for l, g in train[b * per:(b + 1) * per]))
    with open(os.path.join(binary, "test_batch.bin"), "wb") as f:
        f.write(b"".join(record(l, g) for l, g in test))
    with open(os.path.join(binary, "batches.meta.txt"), "w") as f:
        f.write("\n".join(NAMES) + "\n")
    for name, items in (("train", train), ("test", test)):
        for i, (label, g) in enumerate(items):
            d = os.path.join(out, "folder", name, NAMES[label])
            os.makedirs(d, exist_ok=True)
            png(os.path.join(d, f"{i}.png"), g)
    print(f"wrote {len(train)} training and {len(test)} test images to {out}/binary and {out}/folder")


if __name__ == "__main__":
    main()
