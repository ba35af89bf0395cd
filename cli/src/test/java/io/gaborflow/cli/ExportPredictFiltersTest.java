package io.gaborflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.examples.data.EmbeddedFashionMnist;
import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.IdxDataSource;
import io.gaborflow.tensorflow.export.ExportedModel;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --export, then predict on PNG files and draw the filters, all through the command line. */
class ExportPredictFiltersTest {
  @TempDir static Path exported;
  @TempDir Path dir;

  /** One model, trained for an epoch and exported once, for every test of the class. */
  private static Path model;

  @BeforeAll
  static void trainAndExport() {
    model = exported.resolve("model");
    assertEquals(
        0, run("train", "--epochs", "1", "--seed", "3", "--export", model.toString()).exit);
  }

  @Test
  void exportedModelPredictsPngFilesAndDrawsItsFilters() throws IOException {

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
  void predictOverAFolderWritesOneCsvRowPerImageAndKeepsRowsBeforeABadFile() throws IOException {
    Dataset data = new EmbeddedFashionMnist().load(DataSpec.parse("embedded"));
    Path folder = dir.resolve("images");
    List<Path> images = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      Path png = folder.resolve(i % 2 == 0 ? "even" : "odd").resolve(String.format("%02d.png", i));
      Files.createDirectories(png.getParent());
      writeGreyPng(data.test().image(i * 7), 28, png);
      images.add(png);
      labels.add(data.test().label(i * 7));
    }
    Files.writeString(folder.resolve(".DS_Store"), "not an image, and hidden");
    Files.writeString(folder.resolve("even/10-broken.png"), "not an image");

    Path csv = dir.resolve("predictions.csv");
    Run stopped =
        run("predict", "--model-dir", model.toString(), "--csv", csv.toString(), folder.toString());
    assertEquals(1, stopped.exit);
    assertTrue(stopped.err.contains(folder.resolve("even/10-broken.png").toString()), stopped.err);
    assertTrue(stopped.err.contains("--skip-unreadable"), stopped.err);
    // In path order even/00, 02, 04, 06 and 08 come before even/10-broken.png: 5 rows are kept.
    assertEquals(5, readCsv(csv).size(), "the rows before the bad file are kept");

    Run done =
        run(
            "predict",
            "--model-dir",
            model.toString(),
            "--csv",
            csv.toString(),
            "--batch-size",
            "5",
            "--skip-unreadable",
            folder.toString());
    assertEquals(0, done.exit, done.err);
    assertTrue(
        done.out.contains("23 predictions written to " + csv + " (1 files skipped)"), done.out);
    List<CSVRecord> rows = readCsv(csv);
    List<Path> inPathOrder = images.stream().sorted().toList();
    assertEquals(inPathOrder.size(), rows.size());
    int right = 0;
    try (ExportedModel exported = ExportedModel.load(model)) {
      for (int r = 0; r < rows.size(); r++) {
        CSVRecord row = rows.get(r);
        Path file = inPathOrder.get(r);
        assertEquals(file.toString(), row.get("file"));
        ExportedModel.Prediction alone = exported.predict(file);
        assertEquals(alone.best(), row.get("prediction"));
        for (String name : IdxDataSource.FASHION_MNIST_CLASSES) {
          assertEquals(alone.probability(name), Float.parseFloat(row.get(name)), 2e-6, name);
        }
        String expected = IdxDataSource.FASHION_MNIST_CLASSES.get(labels.get(images.indexOf(file)));
        right += expected.equals(row.get("prediction")) ? 1 : 0;
      }
    }
    assertTrue(right > rows.size() * 0.6, right + " of " + rows.size() + " right");
  }

  private static List<CSVRecord> readCsv(Path csv) throws IOException {
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
      List<String> header = parser.getHeaderNames();
      assertEquals("file", header.get(0));
      assertEquals("prediction", header.get(1));
      assertEquals(IdxDataSource.FASHION_MNIST_CLASSES, header.subList(2, header.size()));
      return parser.getRecords();
    }
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

  @Test
  void robustnessWritesItsReportMarkdownAndCharts() throws IOException {
    Path report = dir.resolve("robustness/lenet.json");
    Path charts = dir.resolve("charts");
    Run run =
        run(
            "robustness",
            "--model-dir",
            model.toString(),
            "--data",
            "embedded",
            "--images",
            "60",
            "--corruptions",
            "gaussian_noise,contrast,saturate",
            "--severities",
            "1,5",
            "--attacks",
            "fgsm,pgd-linf",
            "--epsilons",
            "0,8",
            "--pgd-steps",
            "3",
            "--report",
            report.toString(),
            "--charts",
            charts.toString());
    assertEquals(0, run.exit, run.err);
    // saturate needs colour: the plan counts what will be measured.
    assertTrue(
        run.out.contains("2 corruptions x 2 severities, 4 attack budgets"),
        run.out.lines().findFirst().orElse(""));
    com.fasterxml.jackson.databind.JsonNode json =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile());
    assertEquals(60, json.get("images").asInt());
    assertEquals(4, json.get("corruptions").size());
    assertEquals(4, json.get("attacks").size());
    double clean = json.get("clean_accuracy").asDouble();
    for (com.fasterxml.jackson.databind.JsonNode attack : json.get("attacks")) {
      if (attack.get("epsilon").asDouble() == 0) {
        assertEquals(clean, attack.get("accuracy").asDouble(), attack.toString());
      } else {
        assertTrue(attack.get("accuracy").asDouble() < clean, attack.toString());
      }
    }
    assertTrue(json.get("not_applicable").get(0).asText().startsWith("saturate"));
    double sum = 0;
    for (com.fasterxml.jackson.databind.JsonNode corruption : json.get("corruptions")) {
      sum += corruption.get("accuracy").asDouble();
    }
    assertEquals(
        sum / json.get("corruptions").size(),
        json.get("mean_corruption_accuracy").asDouble(),
        1e-12,
        "the mean over the corruptions and severities measured");
    String markdown = Files.readString(dir.resolve("robustness/lenet.md"));
    assertTrue(markdown.contains("| gaussian_noise | noise |"), markdown);
    assertTrue(ImageIO.read(charts.resolve("attacks.png").toFile()).getWidth() > 0);
    assertTrue(ImageIO.read(charts.resolve("corruptions.png").toFile()).getWidth() > 0);
    // 6 rows of examples; clean, fgsm and pgd-linf columns of 28x28 images enlarged 4 times.
    java.awt.image.BufferedImage examples = ImageIO.read(charts.resolve("examples.png").toFile());
    assertTrue(examples.getWidth() >= 3 * 112, "width " + examples.getWidth());
    assertTrue(examples.getHeight() >= 6 * 112, "height " + examples.getHeight());
  }

  @Test
  void robustnessNamesAnUnknownCorruption() {
    Run run =
        run(
            "robustness",
            "--model-dir",
            model.toString(),
            "--data",
            "embedded",
            "--corruptions",
            "frost");
    assertEquals(1, run.exit);
    assertTrue(
        run.err.contains("--corruptions: no corruption 'frost'; there are gaussian_noise,"),
        run.err);
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
