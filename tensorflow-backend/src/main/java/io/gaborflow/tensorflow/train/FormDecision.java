package io.gaborflow.tensorflow.train;

import io.gaborflow.tensorflow.graph.LayerForm;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A layer's form chosen from rounds of step times, one reading per form each round, so that a busy
 * spell slows the forms of one round alike rather than the form that happened to run during it. The
 * form with the smallest median cost relative to each round's cheapest wins. The choice is
 * <em>settled</em>, and worth keeping for good, only when the readings' spread cannot reverse it:
 * round by round, in nine rounds out of ten ({@link #SETTLED_SHARE}; with nine rounds, all but
 * one), the winner must be cheaper than per bank and at most {@link #EQUIVALENT} times as dear as
 * each other form. An unsettled choice falls back to per bank, the form gaborflow builds when it
 * measures nothing, for this run only.
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

  /**
   * The share of rounds in which a settled winner must be cheaper than per bank, and at most {@link
   * #EQUIVALENT} times as dear as each other form.
   */
  static final double SETTLED_SHARE = 0.9;

  /**
   * How much dearer than another form that is not per bank a settled winner may read: two forms
   * this close are both good choices, and insisting on the cheaper would leave the layer per bank
   * when both are far cheaper than that.
   */
  static final double EQUIVALENT = 1.05;

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
    for (LayerForm form : LayerForm.MEASURED) {
      double[] micros = new double[rounds.size()];
      for (int r = 0; r < rounds.size(); r++) {
        micros[r] = reading(rounds.get(r), form);
      }
      Arrays.sort(micros);
      medianMicros.put(form, Math.round(quantile(micros, 0.5)));
      medianRatios.put(form, quantile(pairedRatios(rounds, form, LayerForm.PER_BANK), 0.5));
    }
    LayerForm winner = cheapestAgainstEachRoundsBest(rounds);
    boolean settled =
        LayerForm.MEASURED.stream()
            .filter(other -> other != winner)
            .allMatch(
                other ->
                    quantile(pairedRatios(rounds, winner, other), SETTLED_SHARE)
                        < (other == LayerForm.PER_BANK ? 1 : EQUIVALENT));
    return new FormDecision(
        settled ? winner : LayerForm.PER_BANK, settled, medianMicros, medianRatios);
  }

  /**
   * The form whose cost relative to the cheapest form of the same round has the smallest median
   * (the earlier of {@link LayerForm#MEASURED} on a tie): a busy spell that slows one round's
   * readings does not move it.
   */
  private static LayerForm cheapestAgainstEachRoundsBest(List<Map<LayerForm, Long>> rounds) {
    LayerForm best = null;
    double bestMedian = Double.POSITIVE_INFINITY;
    for (LayerForm form : LayerForm.MEASURED) {
      double[] relative = new double[rounds.size()];
      for (int r = 0; r < rounds.size(); r++) {
        Map<LayerForm, Long> round = rounds.get(r);
        long cheapest =
            LayerForm.MEASURED.stream().mapToLong(f -> reading(round, f)).min().orElseThrow();
        relative[r] = reading(round, form) / (double) Math.max(1, cheapest);
      }
      Arrays.sort(relative);
      double median = quantile(relative, 0.5);
      if (median < bestMedian) {
        best = form;
        bestMedian = median;
      }
    }
    return best;
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
