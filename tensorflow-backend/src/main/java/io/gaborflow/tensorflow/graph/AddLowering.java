package io.gaborflow.tensorflow.graph;

import io.gaborflow.core.model.AddLayerSpec;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.op.Ops;

/**
 * A shortcut addition. When both inputs are split into branches the same way (a mixed block's
 * output and its identity shortcut), they are added branch by branch and stay apart; otherwise both
 * are joined first.
 */
final class AddLowering {
  private AddLowering() {}

  static Branches lower(
      LoweringContext context, AddLayerSpec add, Branches main, Branches shortcut) {
    Ops tf = context.tf();
    List<Branch> sums = new ArrayList<>();
    if (main.split().equals(shortcut.split())) {
      for (int i = 0; i < main.parts().size(); i++) {
        Branch a = main.parts().get(i);
        Branch b = shortcut.parts().get(i);
        sums.add(
            new Branch(
                tf.math.add(a.value(), b.value()), a.channels(), a.trained() || b.trained()));
      }
    } else {
      Branch a = main.joined(tf);
      Branch b = shortcut.joined(tf);
      sums.add(
          new Branch(tf.math.add(a.value(), b.value()), a.channels(), a.trained() || b.trained()));
    }
    return new Branches(sums).map(x -> Activations.apply(tf, x, add.activation()));
  }
}
