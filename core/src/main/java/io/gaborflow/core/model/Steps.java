package io.gaborflow.core.model;

import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.Projection;
import java.util.ArrayList;
import java.util.List;

/** What network and block builders share: a list of steps in declaration order. */
public final class Steps {
  private Steps() {}

  /** Collects steps; {@code B} is the concrete builder, returned for chaining. */
  public abstract static class Builder<B extends Builder<B>> {
    private final List<Step> steps = new ArrayList<>();

    /** The next layer, declared by field {@code origin}. */
    public B layer(String origin, LayerSpec layer) {
      return step(new Step.Layer(origin, layer));
    }

    /**
     * A shortcut from field {@code from} (empty: the block's or network's input) added to the layer
     * before.
     */
    public B add(String origin, String from, Activation activation, Projection projection) {
      return step(new Step.Add(origin, from, activation, projection));
    }

    B step(Step step) {
      steps.add(step);
      @SuppressWarnings("unchecked")
      B self = (B) this;
      return self;
    }

    List<Step> steps() {
      return List.copyOf(steps);
    }

    /** The steps so far, in declaration order. */
    public List<Step> declaredSteps() {
      return steps();
    }
  }
}
