"""Keras peers of gaborflow's perf, timed in rounds that alternate with gaborflow's own.

Started by `gaborflow perf --peers PYTHON --peers-script bench/peers/keras_rounds.py`, which
passes the model, batch size and threads. The script builds every variant (all-learnable and
half-fixed, each in float32 and in Keras' mixed_bfloat16 policy), runs the warm-up steps and
prints `ready`. Then each line `round` on standard input runs STEPS training steps of every
variant, printing one line per variant:

    peer keras resnet20 fp32 baseline ms 161.2 158.0 ...

and `done` after the last; `quit` (or the end of input) ends it. Half-fixed is hand-wired as the
usual answers do it: a frozen Conv2D beside a trainable one, concatenated. Random data: speed only.

Usage: python keras_rounds.py MODEL BATCH THREADS [STEPS] [WARMUP]    (MODEL: resnet20 or nin)
"""
import sys
import time

import numpy as np


def mixed_conv(layers, x, filters, size, stride, fixed, use_bias):
    """A convolution whose first half of filters (when fixed) is a frozen bank."""
    frozen = filters // 2 if fixed and size > 1 else 0
    y = layers.Conv2D(filters - frozen, size, stride, padding="same", use_bias=use_bias)(x)
    if frozen:
        f = layers.Conv2D(frozen, size, stride, padding="same", use_bias=False, trainable=False)(x)
        y = layers.concatenate([f, y])
    return y


def resnet20(tf, fixed):
    """He et al. 2016's CIFAR-10 ResNet-20, with projection shortcuts where the shape changes."""
    L = tf.keras.layers
    inp = L.Input((32, 32, 3))
    x = L.ReLU()(L.BatchNormalization()(mixed_conv(L, inp, 16, 3, 1, fixed, False)))
    channels = 16
    for filters, first_stride in ((16, 1), (32, 2), (64, 2)):
        for block in range(3):
            stride = first_stride if block == 0 else 1
            y = L.ReLU()(L.BatchNormalization()(mixed_conv(L, x, filters, 3, stride, fixed, False)))
            y = L.BatchNormalization()(mixed_conv(L, y, filters, 3, 1, fixed, False))
            if stride == 1 and channels == filters:
                shortcut = x
            else:
                shortcut = L.BatchNormalization()(L.Conv2D(filters, 1, stride, use_bias=False)(x))
            x = L.ReLU()(L.add([y, shortcut]))
            channels = filters
    out = L.Dense(10, dtype="float32")(L.GlobalAveragePooling2D()(x))
    return tf.keras.Model(inp, out), tf.keras.optimizers.SGD(0.1, momentum=0.9)


NIN = [("c", 5, 192), ("c", 1, 160), ("c", 1, 96), ("max",), ("c", 5, 192), ("c", 1, 192),
       ("c", 1, 192), ("avg",), ("c", 3, 192), ("c", 1, 192), ("c", 1, 10)]


def nin(tf, fixed):
    """Lin et al. 2014's Network in Network for CIFAR-10."""
    L = tf.keras.layers
    inp = L.Input((32, 32, 3))
    x = inp
    for layer in NIN:
        if layer[0] == "c":
            x = L.ReLU()(mixed_conv(L, x, layer[2], layer[1], 1, fixed, True))
        elif layer[0] == "max":
            x = L.Dropout(0.5)(L.MaxPooling2D(3, 2, padding="same")(x))
        else:
            x = L.Dropout(0.5)(L.AveragePooling2D(3, 2, padding="same")(x))
    out = L.Activation("linear", dtype="float32")(L.GlobalAveragePooling2D()(x))
    return tf.keras.Model(inp, out), tf.keras.optimizers.Adam(1e-3)


def main():
    model_name, batch, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    steps = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    warmup = int(sys.argv[5]) if len(sys.argv) > 5 else 5
    import tensorflow as tf

    tf.config.threading.set_intra_op_parallelism_threads(threads)
    tf.config.threading.set_inter_op_parallelism_threads(threads)
    build = {"resnet20": resnet20, "nin": nin}[model_name]
    rng = np.random.default_rng(0)
    images = rng.standard_normal((batch, 32, 32, 3), dtype=np.float32)
    labels = rng.integers(0, 10, batch)
    variants = []
    for precision, policy in (("fp32", "float32"), ("bf16", "mixed_bfloat16")):
        for fixed in (False, True):
            tf.keras.mixed_precision.set_global_policy(policy)
            tf.keras.utils.set_random_seed(0)
            model, optimizer = build(tf, fixed)
            model.compile(
                optimizer, tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))
            for _ in range(warmup):
                model.train_on_batch(images, labels)
            name = f"{model_name} {precision} {'half-fixed' if fixed else 'baseline'}"
            variants.append((name, model))
    tf.keras.mixed_precision.set_global_policy("float32")
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() != "round":
            break
        for name, model in variants:
            millis = []
            for _ in range(steps):
                start = time.perf_counter()
                model.train_on_batch(images, labels)
                millis.append((time.perf_counter() - start) * 1000)
            print(f"peer keras {name} ms " + " ".join(f"{m:.1f}" for m in millis), flush=True)
        print("done", flush=True)


if __name__ == "__main__":
    main()
