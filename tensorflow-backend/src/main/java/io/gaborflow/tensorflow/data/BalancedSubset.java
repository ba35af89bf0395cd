package io.gaborflow.tensorflow.data;

import io.gaborflow.core.Seeds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Picks a seeded subset with as many images from each class as the classes allow. */
final class BalancedSubset {
  private BalancedSubset() {}

  static ImageSamples of(ImageSamples set, int classes, int count, long seed) {
    if (count <= 0 || count >= set.size()) {
      return set;
    }
    int[] labels = IntStream.range(0, set.size()).map(set::label).toArray();
    return set.select(indices(labels, classes, count, Seeds.subset(seed)));
  }

  /**
   * {@code set} split in two: a class-balanced seeded choice of {@code count} images (index 1) and
   * every other image (index 0), so that nothing is in both.
   */
  static ImageSamples[] split(ImageSamples set, int classes, int count, Random random) {
    int[] labels = IntStream.range(0, set.size()).map(set::label).toArray();
    int[] chosen = indices(labels, classes, count, random);
    boolean[] taken = new boolean[set.size()];
    for (int i : chosen) {
      taken[i] = true;
    }
    int[] rest = IntStream.range(0, set.size()).filter(i -> !taken[i]).toArray();
    return new ImageSamples[] {set.select(rest), set.select(chosen)};
  }

  /**
   * The indices, ascending, of a subset of {@code count} of the samples with these {@code labels},
   * drawn from {@code random}; all of them when {@code count} is 0 or not below their number.
   */
  static int[] indices(int[] labels, int classes, int count, Random random) {
    if (count <= 0 || count >= labels.length) {
      return IntStream.range(0, labels.length).toArray();
    }
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      byClass.get(labels[i]).add(i);
    }
    for (List<Integer> members : byClass) {
      Collections.shuffle(members, random);
    }
    // Round robin over the classes: each gets count / classes, and small classes leave their
    // share to the others.
    List<Integer> chosen = new ArrayList<>(count);
    int round = 0;
    while (chosen.size() < count) {
      boolean any = false;
      for (List<Integer> members : byClass) {
        if (round < members.size() && chosen.size() < count) {
          chosen.add(members.get(round));
          any = true;
        }
      }
      if (!any) {
        break;
      }
      round++;
    }
    Collections.sort(chosen);
    return chosen.stream().mapToInt(Integer::intValue).toArray();
  }
}
