#!/usr/bin/env python3
"""Writes the small TFRecord files the TFRecord reader is tested on, with TensorFlow's own writer,
so that the format is TensorFlow's and not our reading of it.

    python3 examples/scripts/make-tfrecord-test-files.py OUT_DIR

OUT_DIR gets, each a few 8x8 PNG images of horizontal (label 0) or vertical (label 1) stripes:
  stripes-train.tfrecord-00000-of-00002, stripes-train.tfrecord-00001-of-00002  (6 + 6 records,
      features image/encoded and image/class/label, as TensorFlow's image models write them)
  stripes-test.tfrecord-00000-of-00001  (4 records)
  tfds-style-train.tfrecord, tfds-style-test.tfrecord  (features image and label, as TensorFlow
      Datasets writes them; 4 + 2 records)
Needs numpy and tensorflow.
"""
import os
import sys

import numpy as np
import tensorflow as tf


def png(label, phase):
    image = np.zeros((8, 8, 1), np.uint8)
    for i in range(8):
        if (i + phase) % 3 == 0:
            if label == 0:
                image[i, :, 0] = 255
            else:
                image[:, i, 0] = 255
    return tf.io.encode_png(image).numpy()


def example(image_key, label_key, label, phase):
    return tf.train.Example(features=tf.train.Features(feature={
        image_key: tf.train.Feature(bytes_list=tf.train.BytesList(value=[png(label, phase)])),
        label_key: tf.train.Feature(int64_list=tf.train.Int64List(value=[label])),
    })).SerializeToString()


def write(path, count, image_key, label_key, start):
    with tf.io.TFRecordWriter(path) as writer:
        for i in range(count):
            writer.write(example(image_key, label_key, (start + i) % 2, start + i))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    standard = ("image/encoded", "image/class/label")
    write(os.path.join(out, "stripes-train.tfrecord-00000-of-00002"), 6, *standard, 0)
    write(os.path.join(out, "stripes-train.tfrecord-00001-of-00002"), 6, *standard, 6)
    write(os.path.join(out, "stripes-test.tfrecord-00000-of-00001"), 4, *standard, 12)
    write(os.path.join(out, "tfds-style-train.tfrecord"), 4, "image", "label", 0)
    write(os.path.join(out, "tfds-style-test.tfrecord"), 2, "image", "label", 4)


if __name__ == "__main__":
    main()
