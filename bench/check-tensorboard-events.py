"""Reads a gaborflow TensorBoard directory with TensorBoard's own reader.

    python3 bench/check-tensorboard-events.py runs/x          # one line per scalar, image, histogram
    python3 bench/check-tensorboard-events.py runs/x --json   # every point's step, by kind and tag

Needs the `tensorboard` package (pip install tensorboard). The build runs it from
TensorBoardListenerTest when GABORFLOW_TENSORBOARD_PYTHON names a Python that has it, and skips it
otherwise; the Java tests read the same files with their own reader either way.
"""
import json
import sys

from tensorboard.backend.event_processing import event_accumulator

directory = sys.argv[1]
keep_all = {kind: 0 for kind in ("scalars", "images", "histograms", "tensors")}
events = event_accumulator.EventAccumulator(directory, size_guidance=keep_all)
events.Reload()
tags = events.Tags()
read = {
    "scalars": events.Scalars,
    "images": events.Images,
    "histograms": events.Histograms,
}
steps = {kind: {tag: [p.step for p in read[kind](tag)] for tag in sorted(tags[kind])}
         for kind in read}
if "--json" in sys.argv[2:]:
    print(json.dumps(steps))
else:
    for kind, by_tag in steps.items():
        for tag, points in by_tag.items():
            print(f"{kind} {tag}: {len(points)} points, steps {points[0]}..{points[-1]}")
