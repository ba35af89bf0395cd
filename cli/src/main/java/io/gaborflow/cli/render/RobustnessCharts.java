package io.gaborflow.cli.render;

import io.gaborflow.robustness.RobustnessReport;
import io.gaborflow.robustness.RobustnessReport.AttackResult;
import io.gaborflow.robustness.RobustnessReport.CorruptionResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A robustness report's pictures: accuracy against the budget ε, a line per attack, and a heat map
 * of accuracy by corruption and severity.
 */
public final class RobustnessCharts {
  private RobustnessCharts() {}

  /**
   * Accuracy against ε for every attack of the report, the clean accuracy at ε = 0: the L∞ attacks
   * in pixel levels (ε × 255) on the left, the L2 ones on the right.
   */
  public static void writeAttacks(RobustnessReport report, Path png) {
    List<XYChart> charts = new ArrayList<>();
    for (String norm : List.of("linf", "l2")) {
      List<AttackResult> rows =
          report.attacks().stream().filter(a -> a.norm().equals(norm)).toList();
      if (rows.isEmpty()) {
        continue;
      }
      boolean linf = norm.equals("linf");
      XYChart chart =
          new XYChartBuilder()
              .width(520)
              .height(420)
              .title(report.model() + (linf ? ": L∞ attacks" : ": L2 attacks"))
              .xAxisTitle(
                  linf ? "ε × 255 (pixel levels)" : "ε (length of the change, pixels in 0..1)")
              .yAxisTitle("accuracy")
              .build();
      for (String attack : rows.stream().map(AttackResult::attack).distinct().toList()) {
        List<Double> x = new ArrayList<>(List.of(0.0));
        List<Double> y = new ArrayList<>(List.of(report.cleanAccuracy()));
        for (AttackResult a : rows) {
          if (a.attack().equals(attack)) {
            x.add(linf ? a.epsilon() * 255 : a.epsilon());
            y.add(a.accuracy());
          }
        }
        XYSeries series = chart.addSeries(attack, x, y);
        series.setMarker(SeriesMarkers.CIRCLE);
      }
      charts.add(chart);
    }
    try {
      BitmapEncoder.saveBitmap(
          charts, 1, charts.size(), png.toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
    }
  }

  /** Accuracy by corruption (rows) and severity (columns). */
  public static void writeCorruptions(RobustnessReport report, Path png) {
    List<String> corruptions =
        report.corruptions().stream().map(CorruptionResult::corruption).distinct().toList();
    List<Integer> severities =
        report.corruptions().stream().map(CorruptionResult::severity).distinct().sorted().toList();
    HeatMapChart chart =
        new HeatMapChartBuilder()
            .width(640)
            .height(80 + 34 * corruptions.size())
            .title(
                String.format(
                    java.util.Locale.ROOT,
                    "%s: accuracy under corruption (clean %.3f)",
                    report.model(),
                    report.cleanAccuracy()))
            .xAxisTitle("severity")
            .yAxisTitle("corruption")
            .build();
    chart.getStyler().setShowValue(true);
    chart.getStyler().setMin(0);
    chart.getStyler().setMax(1);
    List<Number[]> cells = new ArrayList<>();
    for (CorruptionResult r : report.corruptions()) {
      cells.add(
          new Number[] {
            severities.indexOf(r.severity()),
            corruptions.indexOf(r.corruption()),
            Math.round(r.accuracy() * 1000) / 1000.0
          });
    }
    chart.addSeries("accuracy", severities, corruptions, cells);
    save(chart, png);
  }

  private static void save(Chart<?, ?> chart, Path png) {
    try {
      BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
    }
  }
}
