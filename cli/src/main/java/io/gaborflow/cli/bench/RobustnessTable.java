package io.gaborflow.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gaborflow.robustness.RobustnessReport;
import io.gaborflow.robustness.RobustnessReport.AttackResult;
import io.gaborflow.robustness.attack.Attack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The robustness columns of a bench: for each variant, the means over its seeds of the clean
 * accuracy, the mean corruption accuracy and the accuracy under each attack at each budget, beside
 * its test accuracy and speed-up.
 */
final class RobustnessTable {
  private final List<VariantResult> results;
  private final VariantResult baseline;

  RobustnessTable(List<VariantResult> results, VariantResult baseline) {
    this.results = results;
    this.baseline = baseline;
  }

  /** Whether the bench measured robustness. */
  boolean measured() {
    return first().isPresent();
  }

  /** The first robustness report of the bench: every run was measured alike. */
  private Optional<RobustnessReport> first() {
    return results.stream()
        .filter(r -> !r.robustness().isEmpty())
        .findFirst()
        .map(r -> r.robustness().get(0));
  }

  /** The attack budgets measured, in report order; their names head the columns. */
  private List<AttackResult> columns() {
    return first().map(RobustnessReport::attacks).orElse(List.of());
  }

  private static String name(AttackResult a) {
    return a.attack()
        + " "
        + Attack.Norm.valueOf(a.norm().toUpperCase(Locale.ROOT)).budget(a.epsilon());
  }

  /** The figures of {@code r}, means over its seeds, keyed by column. */
  private Map<String, Double> figures(VariantResult r) {
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("clean", mean(r, report -> OptionalDouble.of(report.cleanAccuracy())));
    figures.put("mean_corruption", mean(r, RobustnessReport::meanCorruptionAccuracy));
    for (AttackResult column : columns()) {
      figures.put(
          name(column),
          mean(r, report -> report.attackAccuracy(column.attack(), column.epsilon())));
    }
    return figures;
  }

  private static double mean(
      VariantResult r, java.util.function.Function<RobustnessReport, OptionalDouble> figure) {
    return r.robustness().stream()
        .map(figure)
        .filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble)
        .average()
        .orElse(Double.NaN);
  }

  /** Puts {@code r}'s robustness figures into {@code variant}'s JSON. */
  void putJson(ObjectNode variant, VariantResult r) {
    if (r.robustness().isEmpty()) {
      return;
    }
    ObjectNode node = variant.putObject("robustness");
    node.put("images", r.robustness().get(0).images());
    node.put("gradient_samples", r.robustness().get(0).gradientSamples());
    ObjectNode accuracy = node.putObject("accuracy");
    figures(r).forEach(accuracy::put);
  }

  /** The Markdown table. */
  String markdown() {
    List<AttackResult> columns = columns();
    StringBuilder md = new StringBuilder();
    RobustnessReport first = first().orElseThrow();
    md.append(
        String.format(
            Locale.ROOT,
            "%n## Robustness%n%nEach run's export on %d test images (`gaborflow robustness`; the"
                + " same images, corruptions and attack starts for every variant); means over the"
                + " seeds. Corruptions at severities %s; attacks on averaged gradients where a"
                + " variant adds noise.%n%n",
            first.images(),
            first.corruptions().stream().map(c -> c.severity()).distinct().sorted().toList()));
    md.append("| variant | test accuracy | speedup | clean | mean corruption |");
    columns.forEach(c -> md.append(' ').append(name(c)).append(" |"));
    md.append("\n|---|---|---|---|---|").append("---|".repeat(columns.size())).append('\n');
    for (VariantResult r : results) {
      if (r.robustness().isEmpty()) {
        continue;
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.4f | %.2fx |",
              r.variant().label(),
              r.meanAccuracy(),
              r.epochSpeedupOver(baseline)));
      figures(r).values().forEach(v -> md.append(String.format(Locale.ROOT, " %.4f |", v)));
      md.append('\n');
    }
    return md.toString();
  }
}
