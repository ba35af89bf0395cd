package io.gaborflow.cli.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gaborflow.cli.bench.ShareVariant;
import io.gaborflow.cli.bench.TrainingCurve;
import io.gaborflow.cli.bench.VariantResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The bench chart: two 560 x 400 charts side by side, one series per kind of variant. */
class BenchChartTest {
  @TempDir Path dir;

  @Test
  void writesBothChartsSideBySide() throws IOException {
    List<VariantResult> results =
        List.of(
            new VariantResult(
                new ShareVariant(0, 0),
                "m-fixed0",
                null,
                List.of(0.9, 0.91),
                List.of(2.0, 2.1),
                List.of()),
            new VariantResult(
                new ShareVariant(50, 0),
                "m-fixed50",
                null,
                List.of(0.89, 0.9),
                List.of(1.5, 1.6),
                List.of()),
            new VariantResult(
                new ShareVariant(50, 1),
                "m-fixed50-partial1",
                null,
                List.of(0.9, 0.9),
                List.of(1.7, 1.8),
                List.of()));
    Path png = dir.resolve("bench.png");
    BenchChart.write(results, png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1120, image.getWidth());
    assertEquals(400, image.getHeight());

    List<XYChart> charts = BenchChart.charts(results);
    XYSeries fixed = charts.get(0).getSeriesMap().get("Gabor fixed");
    assertArrayEquals(new double[] {0, 50}, fixed.getXData());
    assertArrayEquals(new double[] {0.905, 0.895}, fixed.getYData(), 1e-9, "mean accuracy");
    assertArrayEquals(
        new double[] {1.75},
        charts.get(1).getSeriesMap().get("Gabor trained at first").getYData(),
        1e-9);
    assertArrayEquals(
        new double[] {2.05, 1.55},
        charts.get(1).getSeriesMap().get("Gabor fixed").getYData(),
        1e-9,
        "median seconds per epoch");
    assertEquals(
        java.util.Set.of("Gabor fixed", "Gabor trained at first"),
        charts.get(0).getSeriesMap().keySet());
  }

  @Test
  void drawsOneCurveOfAccuracyAgainstTimePerVariant() throws IOException {
    TrainingCurve slow = new TrainingCurve(List.of(10.0, 20.0), List.of(0.5, 0.7), true);
    TrainingCurve fast = new TrainingCurve(List.of(6.0, 12.0), List.of(0.5, 0.68), true);
    List<VariantResult> results =
        List.of(
            new VariantResult(
                new ShareVariant(0, 0),
                "m-fixed0",
                null,
                List.of(0.7),
                List.of(10.0),
                List.of(slow)),
            new VariantResult(
                new ShareVariant(50, 0),
                "m-fixed50",
                null,
                List.of(0.68),
                List.of(6.0),
                List.of(fast)));
    Path png = dir.resolve("accuracy-vs-time.png");
    BenchChart.writeCurves(results, 0.6, png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(720, image.getWidth());
    assertEquals(480, image.getHeight());

    XYChart chart = BenchChart.curves(results, 0.6);
    XYSeries slowCurve = chart.getSeriesMap().get(new ShareVariant(0, 0).label());
    assertArrayEquals(new double[] {10, 20}, slowCurve.getXData(), 1e-9, "training seconds");
    assertArrayEquals(new double[] {0.5, 0.7}, slowCurve.getYData(), 1e-9);
    XYSeries fastCurve = chart.getSeriesMap().get(new ShareVariant(50, 0).label());
    assertArrayEquals(new double[] {6, 12}, fastCurve.getXData(), 1e-9);
    XYSeries target = chart.getSeriesMap().get("target 0.6000");
    assertArrayEquals(new double[] {0.6, 0.6}, target.getYData(), 1e-9);
    assertArrayEquals(new double[] {0, 20}, target.getXData(), 1e-9, "across the longest run");
  }
}
