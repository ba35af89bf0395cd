package io.gaborflow.tensorflow.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Picks a seeded subset with as many images from each class as the classes allow. */
final class BalancedSubset {
  private BalancedSubset() {}

  static ImageSet of(ImageSet set, int classes, int count, long seed) {
    if (count <= 0 || count >= set.size()) {
      return set;
    }
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < set.size(); i++) {
      byClass.get(set.label(i)).add(i);
    }
    Random random = new Random(seed);
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
    return set.select(chosen.stream().mapToInt(Integer::intValue).toArray());
  }
}
