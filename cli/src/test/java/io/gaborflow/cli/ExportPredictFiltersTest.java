package io.gaborflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.examples.data.EmbeddedFashionMnist;
import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.IdxDataSource;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --export, then predict on PNG files and draw the filters, all through the command line. */
class ExportPredictFiltersTest {
  @TempDir Path dir;

  @Test
  void exportedModelPredictsPngFilesAndDrawsItsFilters() throws IOException {
    Path model = dir.resolve("model");
    assertEquals(
        0, run("train", "--epochs", "1", "--seed", "3", "--export", model.toString()).exit);

    Dataset data = new EmbeddedFashionMnist().load(DataSpec.parse("embedded"));
    List<String> args =
        new ArrayList<>(List.of("predict", "--top", "1", "--model-dir", model.toString()));
    int n = 40;
    for (int i = 0; i < n; i++) {
      Path png = dir.resolve("test-" + i + ".png");
      writeGreyPng(data.test().image(i * 25), 28, png);
      args.add(png.toString());
    }
    Run predicted = run(args.toArray(String[]::new));
    assertEquals(0, predicted.exit);
    String[] lines = predicted.out.strip().split("\n");
    assertEquals(n, lines.length);
    int right = 0;
    for (int i = 0; i < n; i++) {
      String expected = IdxDataSource.FASHION_MNIST_CLASSES.get(data.test().label(i * 25));
      assertTrue(lines[i].startsWith(dir.resolve("test-" + i + ".png") + ": "), lines[i]);
      if (lines[i].contains(": " + expected + " ")) {
        right++;
      }
    }
    assertTrue(right > n * 0.6, right + " of " + n + " right:\n" + predicted.out);

    Path filters = dir.resolve("filters.png");
    assertEquals(
        0, run("filters", "--model-dir", model.toString(), "--png", filters.toString()).exit);
    BufferedImage picture = ImageIO.read(filters.toFile());
    // 20 + 50 filters, 16 per row, each layer starting a new row: 2 + 4 rows of 5x5 kernels.
    assertEquals(4 + 6 * (60 + 4), picture.getHeight());
  }

  @Test
  void exportRefusesANonEmptyDirectory() throws IOException {
    Files.writeString(dir.resolve("keep.txt"), "precious");
    Run r = run("train", "--epochs", "0", "--export", dir.toString());
    assertEquals(1, r.exit);
    assertTrue(r.err.contains("export directory " + dir + " is not empty"), r.err);
    assertEquals("precious", Files.readString(dir.resolve("keep.txt")));
  }

  private static void writeGreyPng(float[] pixels, int size, Path file) throws IOException {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
    for (int i = 0; i < pixels.length; i++) {
      image.getRaster().setSample(i % size, i / size, 0, Math.round(pixels[i] * 255));
    }
    ImageIO.write(image, "png", file.toFile());
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    java.io.StringWriter err = new java.io.StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      picocli.CommandLine cli = Main.commandLine();
      cli.setErr(new java.io.PrintWriter(err, true));
      int exit = cli.execute(args);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(stdout);
    }
  }
}
