package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.graph.LayerForm;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A layer's form chosen from rounds of step times, one reading per form each round, so that a busy
 * spell slows the forms of one round alike rather than the form that happened to run during it.
 * Each round gives every form its cost relative to {@link LayerForm#PER_BANK}'s in that round; a
 * form wins by the median of those ratios. The choice is <em>settled</em>, and worth keeping for
 * good, only when the readings' spread cannot reverse it: a winner other than per bank must be
 * cheaper than per bank in three rounds out of four (its upper quartile below 1), and per bank wins
 * settled only when every other form is dearer in three rounds out of four (lower quartile above
 * 1). An unsettled choice falls back to per bank, the form gaborflow builds when it measures
 * nothing, for this run only.
 *
 * @param form the form to build
 * @param settled whether the readings' spread cannot reverse the choice
 * @param medianMicros each form's median step time over the rounds
 * @param medianRatios each form's median cost relative to per bank's in the same round
 */
record FormDecision(
    LayerForm form,
    boolean settled,
    Map<LayerForm, Long> medianMicros,
    Map<LayerForm, Double> medianRatios) {

  /** The share of rounds in which a settled winner must be cheaper than each other form. */
  static final double SETTLED_SHARE = 0.9;

  /** Copies the figures, in the order of {@link LayerForm#MEASURED}. */
  FormDecision {
    medianMicros = Collections.unmodifiableMap(new EnumMap<>(medianMicros));
    medianRatios = Collections.unmodifiableMap(new EnumMap<>(medianRatios));
  }

  /**
   * The decision from {@code rounds}, each a step time per form of {@link LayerForm#MEASURED}; a
   * tie on the median keeps the earlier form of {@link LayerForm#MEASURED}.
   */
  static FormDecision of(List<Map<LayerForm, Long>> rounds) {
    if (rounds.isEmpty()) {
      throw new IllegalArgumentException("a form decision needs at least one round of readings");
    }
    Map<LayerForm, Long> medianMicros = new EnumMap<>(LayerForm.class);
    Map<LayerForm, Double> medianRatios = new EnumMap<>(LayerForm.class);
    Map<LayerForm, double[]> ratios = new EnumMap<>(LayerForm.class);
    for (LayerForm form : LayerForm.MEASURED) {
      double[] micros = new double[rounds.size()];
      double[] relative = new double[rounds.size()];
      for (int r = 0; r < rounds.size(); r++) {
        Map<LayerForm, Long> round = rounds.get(r);
        micros[r] = reading(round, form);
        relative[r] = micros[r] / Math.max(1, reading(round, LayerForm.PER_BANK));
      }
      Arrays.sort(micros);
      Arrays.sort(relative);
      ratios.put(form, relative);
      medianMicros.put(form, Math.round(quantile(micros, 0.5)));
      medianRatios.put(form, quantile(relative, 0.5));
    }
    LayerForm best = LayerForm.PER_BANK;
    for (LayerForm form : LayerForm.MEASURED) {
      if (medianRatios.get(form) < medianRatios.get(best)) {
        best = form;
      }
    }
    LayerForm winner = best;
    boolean settled =
        LayerForm.MEASURED.stream()
            .filter(other -> other != winner)
            .allMatch(other -> quantile(pairedRatios(rounds, winner, other), SETTLED_SHARE) < 1);
    return new FormDecision(
        settled ? best : LayerForm.PER_BANK, settled, medianMicros, medianRatios);
  }

  /** {@code form}'s cost relative to {@code other}'s in each round, sorted. */
  private static double[] pairedRatios(
      List<Map<LayerForm, Long>> rounds, LayerForm form, LayerForm other) {
    double[] ratios = new double[rounds.size()];
    for (int r = 0; r < rounds.size(); r++) {
      ratios[r] =
          reading(rounds.get(r), form) / (double) Math.max(1, reading(rounds.get(r), other));
    }
    Arrays.sort(ratios);
    return ratios;
  }

  private static long reading(Map<LayerForm, Long> round, LayerForm form) {
    Long micros = round.get(form);
    if (micros == null) {
      throw new IllegalArgumentException("a round has no reading for " + form + ": " + round);
    }
    return micros;
  }

  /** The {@code q} quantile of sorted {@code values}, linear between neighbours. */
  static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(sorted.length - 1, below + 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}
