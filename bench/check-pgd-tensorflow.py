"""PGD-L-infinity on a gaborflow export, in Python TensorFlow: a cross-check of gaborflow's attack.

    python3 bench/check-pgd-tensorflow.py MODEL_DIR IMAGES.npy LABELS.npy [--epsilon 2] [--steps 10]
        [--step 0.25] [--seed 1]

MODEL_DIR is a `gaborflow train --export` folder (SavedModel and gaborflow.json). IMAGES.npy holds
the test images as float32 NHWC pixels in 0..1 and LABELS.npy their labels, as
`gaborflow datasets export --data SPEC --images N --seed S --out DIR` writes them: the images
`gaborflow robustness --data SPEC --images N --seed S` evaluates. The attack is
Madry et al.'s, as gaborflow's `pgd-linf`: a uniform random start in the epsilon ball, then STEPS
steps of STEP * epsilon along the sign of the cross-entropy's gradient, each projected onto the
ball and 0..1; epsilon is in pixel levels of 255. The gradient is TensorFlow's own, through the
SavedModel's graph and the standardisation gaborflow.json records. Prints one JSON line:
{"clean_accuracy": ..., "pgd_accuracy": ..., "epsilon": ..., "images": ...}.

Random starts come from NumPy, not from gaborflow's generator, so the two accuracies agree to
sampling error, not bit for bit. Needs numpy and tensorflow (pip install tensorflow-cpu).
"""
import argparse
import json

import numpy as np
import tensorflow as tf


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model_dir")
    parser.add_argument("images")
    parser.add_argument("labels")
    parser.add_argument("--epsilon", type=float, default=2.0)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--step", type=float, default=0.25)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=500)
    args = parser.parse_args()

    with open(f"{args.model_dir}/gaborflow.json") as f:
        meta = json.load(f)
    mean = np.array(meta["channelMean"], dtype=np.float32)
    std = np.array(meta["channelStd"], dtype=np.float32)

    # gaborflow's variables are TensorFlow 1 reference variables, which TensorFlow 2's eager
    # functions cannot differentiate through: load the graph in a TF1 session instead.
    tf.compat.v1.disable_eager_execution()
    session = tf.compat.v1.Session(graph=tf.Graph())
    with session.graph.as_default():
        meta_graph = tf.compat.v1.saved_model.loader.load(session, ["serve"], args.model_dir)
        signature = meta_graph.signature_def["serving_default"]
        standardized = session.graph.get_tensor_by_name(signature.inputs["images"].name)
        probabilities = session.graph.get_tensor_by_name(
            signature.outputs["probabilities"].name)
        labels_in = tf.compat.v1.placeholder(tf.int64, [None])
        picked = tf.gather(probabilities, labels_in, batch_dims=1)
        loss = -tf.math.log(tf.maximum(picked, 1e-30))
        # d loss / d pixels = d loss / d standardized / std (pixels are standardised on the way in)
        gradient = tf.compat.v1.gradients(loss, standardized)[0] / std

    def predict(pixels):
        p = session.run(probabilities, {standardized: (pixels - mean) / std})
        return np.argmax(p, axis=1)

    images = np.load(args.images).astype(np.float32)
    labels = np.load(args.labels).astype(np.int64)
    epsilon = args.epsilon / 255.0
    rng = np.random.default_rng(args.seed)
    clean = attacked = 0
    for start in range(0, len(images), args.batch_size):
        x0 = images[start:start + args.batch_size]
        y = labels[start:start + args.batch_size]
        clean += int(np.sum(predict(x0) == y))
        x = np.clip(x0 + rng.uniform(-epsilon, epsilon, size=x0.shape).astype(np.float32), 0, 1)
        for _ in range(args.steps):
            g = session.run(gradient, {standardized: (x - mean) / std, labels_in: y})
            x = x + args.step * epsilon * np.sign(g)
            x = np.clip(np.clip(x, x0 - epsilon, x0 + epsilon), 0.0, 1.0).astype(np.float32)
        attacked += int(np.sum(predict(x) == y))
    n = len(images)
    print(json.dumps({"images": n, "epsilon": args.epsilon,
                      "clean_accuracy": clean / n, "pgd_accuracy": attacked / n}))


if __name__ == "__main__":
    main()
