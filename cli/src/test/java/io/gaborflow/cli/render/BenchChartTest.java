package io.gaborflow.cli.render;

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
  }
}
