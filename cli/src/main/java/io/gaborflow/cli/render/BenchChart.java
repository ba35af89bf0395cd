package io.gaborflow.cli.render;

import io.gaborflow.cli.bench.ShareVariant;
import io.gaborflow.cli.bench.TrainingCurve;
import io.gaborflow.cli.bench.VariantResult;
import io.gaborflow.core.annotation.TrainableAt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The bench's two charts side by side: test accuracy and seconds per epoch against the fixed share.
 */
public final class BenchChart {
  private BenchChart() {}

  /** Writes the charts of {@code results}' share variants to {@code png}. */
  public static void write(List<VariantResult> results, Path png) {
    List<XYChart> charts = charts(results);
    try {
      BitmapEncoder.saveBitmap(charts, 1, 2, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
    }
  }

  /**
   * The two charts of {@code results}' share variants: test accuracy (with the deviation over
   * seeds) and median seconds per epoch against the fixed share, a series per kind of variant.
   */
  static List<XYChart> charts(List<VariantResult> results) {
    XYChart accuracy =
        new XYChartBuilder()
            .width(560)
            .height(400)
            .title("Test accuracy")
            .xAxisTitle("fixed Gabor filters (%)")
            .yAxisTitle("accuracy")
            .build();
    XYChart time =
        new XYChartBuilder()
            .width(560)
            .height(400)
            .title("Training time")
            .xAxisTitle("fixed Gabor filters (%)")
            .yAxisTitle("seconds per epoch (median)")
            .build();
    for (String series :
        List.of(
            "Gabor fixed",
            "Gabor trained at first",
            "Gabor trained at the end",
            "Gabor parametric")) {
      List<Double> x = new ArrayList<>();
      List<Double> acc = new ArrayList<>();
      List<Double> std = new ArrayList<>();
      List<Double> secs = new ArrayList<>();
      for (VariantResult r : results) {
        if (!(r.variant() instanceof ShareVariant share)) {
          continue;
        }
        String of =
            share.parametric()
                ? "Gabor parametric"
                : share.partialEpochs() == 0
                    ? "Gabor fixed"
                    : share.partialAt() == TrainableAt.START
                        ? "Gabor trained at first"
                        : "Gabor trained at the end";
        if (of.equals(series)) {
          x.add((double) share.fixedPercent());
          acc.add(r.meanAccuracy());
          std.add(r.accuracyStd());
          secs.add(r.medianEpochSeconds());
        }
      }
      if (x.isEmpty()) {
        continue;
      }
      XYSeries a = accuracy.addSeries(series, x, acc, std);
      XYSeries t = time.addSeries(series, x, secs);
      a.setMarker(SeriesMarkers.CIRCLE);
      t.setMarker(SeriesMarkers.CIRCLE);
    }
    return List.of(accuracy, time);
  }

  /**
   * Writes one chart of accuracy against training time to {@code png}, a curve per variant (the
   * mean over seeds after each epoch), with the target accuracy as a line when it is a number.
   */
  public static void writeCurves(List<VariantResult> results, double target, Path png) {
    try {
      BitmapEncoder.saveBitmap(
          curves(results, target), png.toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
    }
  }

  /**
   * The chart of accuracy against training time: per variant the mean over seeds after each epoch,
   * and the target as a line when it is a number.
   */
  static XYChart curves(List<VariantResult> results, double target) {
    boolean validation =
        results.stream().flatMap(r -> r.curves().stream()).allMatch(TrainingCurve::validation);
    XYChart chart =
        new XYChartBuilder()
            .width(720)
            .height(480)
            .title("Accuracy against training time")
            .xAxisTitle("training seconds (evaluation left out)")
            .yAxisTitle((validation ? "validation" : "test") + " accuracy")
            .build();
    double longest = 0;
    for (VariantResult r : results) {
      int epochs = r.curves().stream().mapToInt(c -> c.seconds().size()).min().orElse(0);
      if (epochs == 0) {
        continue;
      }
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (int e = 0; e < epochs; e++) {
        int epoch = e;
        x.add(r.curves().stream().mapToDouble(c -> c.seconds().get(epoch)).average().orElseThrow());
        y.add(
            r.curves().stream().mapToDouble(c -> c.accuracy().get(epoch)).average().orElseThrow());
      }
      longest = Math.max(longest, x.get(x.size() - 1));
      chart.addSeries(r.variant().label(), x, y).setMarker(SeriesMarkers.CIRCLE);
    }
    if (!Double.isNaN(target) && longest > 0) {
      chart
          .addSeries(
              String.format(java.util.Locale.ROOT, "target %.4f", target),
              List.of(0.0, longest),
              List.of(target, target))
          .setMarker(SeriesMarkers.NONE);
    }
    return chart;
  }
}
