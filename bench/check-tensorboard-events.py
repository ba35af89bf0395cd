"""Reads a gaborflow TensorBoard directory with TensorBoard's own reader and prints each scalar.

    python3 bench/check-tensorboard-events.py runs/x

Needs the `tensorboard` package (pip install tensorboard); gaborflow's Java tests read the same
files with their own reader, so the build does not need Python.
"""
import sys

from tensorboard.backend.event_processing import event_accumulator

directory = sys.argv[1]
events = event_accumulator.EventAccumulator(directory, size_guidance={"scalars": 0})
events.Reload()
for tag in sorted(events.Tags()["scalars"]):
    points = events.Scalars(tag)
    print(f"{tag}: {len(points)} points, steps {points[0].step}..{points[-1].step},"
          f" last {points[-1].value:.4f}")
