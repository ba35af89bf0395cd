package io.gaborflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.gabor.GaborParameters;
import io.gaborflow.core.model.NetworkVariants;
import io.gaborflow.examples.ModelCatalog;
import io.gaborflow.examples.data.EmbeddedFashionMnist;
import io.gaborflow.tensorflow.data.DataSpec;
import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.export.ExportMetadata;
import io.gaborflow.tensorflow.export.ExportedModel;
import io.gaborflow.tensorflow.export.ModelExport;
import io.gaborflow.tensorflow.graph.ModelGraph;
import io.gaborflow.tensorflow.testing.Runs;
import io.gaborflow.tensorflow.train.ModelSession;
import io.gaborflow.tensorflow.train.TrainingConfig;
import io.gaborflow.tensorflow.train.TrainingListener;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import nu.pattern.OpenCV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import picocli.CommandLine;

class CommandLineTest {
  @TempDir Path dir;

  @Test
  void bankWritesCsvRowsEqualToOpenCvAndAPngGrid() throws IOException {
    Path csv = dir.resolve("bank.csv");
    Path png = dir.resolve("bank.png");
    int exit =
        Main.commandLine()
            .execute(
                "bank",
                "--size",
                "7",
                "--orientations",
                "4",
                "--wavelengths",
                "4",
                "--phases",
                "0,90",
                "--aspect",
                "0.5",
                "--sigma",
                "2",
                "--csv",
                csv.toString(),
                "--png",
                png.toString());
    assertEquals(0, exit);

    OpenCV.loadLocally();
    List<String> lines = Files.readAllLines(csv);
    assertEquals(1 + 4 * 2, lines.size());
    assertTrue(lines.get(0).startsWith("theta_deg,lambda,psi_deg,sigma,gamma,k0_0,"), lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      assertEquals(5 + 49, cells.length);
      double theta = Double.parseDouble(cells[0]);
      double lambda = Double.parseDouble(cells[1]);
      double psi = Double.parseDouble(cells[2]);
      double sigma = Double.parseDouble(cells[3]);
      double gamma = Double.parseDouble(cells[4]);
      Mat expected =
          Imgproc.getGaborKernel(
              new Size(7, 7),
              sigma,
              Math.toRadians(theta),
              lambda,
              gamma,
              Math.toRadians(psi),
              CvType.CV_64F);
      for (int i = 0; i < 49; i++) {
        assertEquals(expected.get(i / 7, i % 7)[0], Double.parseDouble(cells[5 + i]), 1e-6, line);
      }
    }
    BufferedImage image = ImageIO.read(png.toFile());
    // 4 orientations in rows, 2 phases in columns, 7x7 kernels drawn at 8 pixels a pixel.
    assertEquals(4 + 2 * (56 + 4), image.getWidth());
    assertEquals(4 + 4 * (56 + 4), image.getHeight());
  }

  @Test
  void unknownModelIsAOneLineErrorWithAUsageHint() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute("train", "--model", "resnet");
    assertEquals(1, exit);
    assertEquals(
        "gaborflow train: unknown model 'resnet'; use one of: gabor-lenet, gabor-nin, gabor-resnet20,"
            + " gabor-resnet20-basis, gabor-resnet20-shared, gabor-resnet20-stage1, lenet, nin,"
            + " resnet20,"
            + " or the class name of your own @Network class\n"
            + "Try 'gaborflow train --help' for usage.\n",
        err.toString());
  }

  @Test
  void aTargetAccuracyWithoutAValidationSplitSaysWhichFlagToAdd() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute("bench", "--target-accuracy", "0.85", "--out", dir.toString());
    assertEquals(1, exit);
    assertTrue(err.toString().contains("give --validation N as well"), err.toString());
  }

  @Test
  void bf16OnACpuWithoutItNamesTheFlagToChange() {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        io.gaborflow.tensorflow.runtime.CpuFeatures.ofThisMachine().bf16());
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute("train", "--precision", "bf16", "--epochs", "1");
    assertEquals(1, exit);
    assertTrue(err.toString().contains("--precision bf16 needs a CPU"), err.toString());
  }

  @Test
  void unknownDataSourceListsTheKnownOnes() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute("train", "--data", "mnist-from-the-web");
    assertEquals(1, exit);
    assertEquals(
        "gaborflow train: unknown data source 'mnist-from-the-web'; use one of: cifar10:DIR, embedded (a 7,000-image"
            + " slice of Fashion-MNIST shipped with gaborflow), fashion-mnist (/usr/share/datasets/fashion-mnist),"
            + " folder:DIR (DIR/train/<class>/*.png and DIR/test/<class>/*.png), idx:DIR, tfrecord:GLOB (files named"
            + " *train* and *test*; #image=KEY,label=KEY for other feature names)\n"
            + "Try 'gaborflow train --help' for usage.\n",
        err.toString());
  }

  /**
   * Every bad flag or value: a non-zero exit, one line saying what is wrong, and the usage hint.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      textBlock =
          """
      train --epochs -1                 | 1 | gaborflow train: epochs must be 0 or more, got -1
      train --epochs lots               | 2 | gaborflow train: Invalid value for option '--epochs': 'lots' is not an int
      train --batch-size 0              | 1 | gaborflow train: batch size must be positive, got 0
      train --optimizer rmsprop         | 2 | gaborflow train: Invalid value for option '--optimizer': expected one of [ADAM, MOMENTUM] (case-insensitive) but was 'rmsprop'
      train --data idx                  | 1 | gaborflow train: data source 'idx' needs a directory: idx:DIR
      train --data idx:/nowhere         | 1 | gaborflow train: /nowhere: directory does not exist
      train --data cifar10:/nowhere     | 1 | gaborflow train: /nowhere: directory does not exist
      train --limit-train -5            | 1 | gaborflow train: --limit-train/--limit-test takes limits of 0 (no limit) or more, got -5 and 0
      train --resume                    | 1 | gaborflow train: --resume needs --checkpoint-dir: the checkpoints to resume from
      train --report /proc/run.json     | 1 | gaborflow train: cannot write report /proc/run.json: /proc/.report-check-
      train --colour blue               | 2 | gaborflow train: Unknown options: '--colour', 'blue'
      bench --fractions 0,150           | 1 | gaborflow bench: --fractions must be between 0 and 100, got 150
      bench --resume                    | 1 | gaborflow bench: --resume needs --checkpoint-dir: the folder of the stopped sweep's checkpoints
      bench --vone --vone-noise loud:1  | 1 | gaborflow bench: --vone-noise: 'loud:1' is not a noise; give gaussian:SD or poisson:SCALE with a positive number, or none
      bench --vone --vone-noise poisson:-1 | 1 | gaborflow bench: --vone-noise: 'poisson:-1' is not a noise
      bench --model resnet              | 1 | gaborflow bench: no Gabor model for 'resnet' to sweep; use lenet, nin or resnet20
      bench --robustness --cifar10c /nowhere | 1 | gaborflow bench: --cifar10c: /nowhere: no such folder of CIFAR-10-C files
      bank --orientations 0             | 1 | gaborflow bank: --orientations must be 1 or more, got 0
      predict --model-dir /nowhere x.png| 1 | gaborflow predict: /nowhere is not a gaborflow export: it has no gaborflow.json
      filters --png f.png               | 2 | gaborflow filters: Missing required option: '--model-dir=DIR'
      frobnicate                        | 2 | gaborflow: Unmatched argument at index 0: 'frobnicate'
      """)
  void badInputIsOneLineAndAHint(String args, int exit, String message) {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    assertEquals(exit, cli.execute(args.trim().split("\\s+")), err.toString());
    String[] lines = err.toString().split("\n");
    assertEquals(2, lines.length, err.toString());
    assertTrue(lines[0].startsWith(message), lines[0]);
    assertTrue(lines[1].matches("Try 'gaborflow( \\w+)? --help' for usage\\."), lines[1]);
  }

  @Test
  void datasetsReadReadsEveryImageOfAnEpochThroughThePipeline() throws IOException {
    for (String split : List.of("train", "test")) {
      for (int label = 0; label < 2; label++) {
        for (int i = 0; i < 40; i++) {
          BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
          image.setRGB(i % 40, 0, 0xffffff * label);
          Path file = dir.resolve(split + "/class-" + label + "/" + i + ".jpg");
          Files.createDirectories(file.getParent());
          ImageIO.write(image, "jpg", file.toFile());
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit =
          Main.commandLine()
              .execute(
                  "datasets",
                  "read",
                  "--model",
                  "lenet",
                  "--data",
                  "folder:" + dir,
                  "--resize",
                  "--batch-size",
                  "16",
                  "--epochs",
                  "2");
    } finally {
      System.setOut(stdout);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, printed);
    assertTrue(printed.contains(": 80 training images of 28x28x1, loaded in "), printed);
    assertTrue(
        printed.contains("epoch 1: read 80 images in "), "five whole batches of 16: " + printed);
    assertTrue(printed.contains("epoch 2: read 80 images in "), printed);
  }

  @Test
  void bankFromModelWritesTheTrainedParametersOfAParametricBank() throws IOException {
    ModelGraph graph =
        ModelGraph.of(
            NetworkVariants.withParametricGabor(ModelCatalog.graph("gabor-lenet").spec()));
    TrainingConfig config =
        TrainingConfig.builder().epochs(1).batchSize(32).seed(2).threads(2).build();
    Dataset data = new EmbeddedFashionMnist().load(DataSpec.parse("embedded")).head(256, 64);
    Path export = dir.resolve("model");
    try (ModelSession session = ModelSession.open(graph, config)) {
      Runs.train(session, data, TrainingListener.silent());
      ModelExport.write(session.servable(), data, export);
    }
    Path csv = dir.resolve("bank.csv");
    assertEquals(
        0,
        Main.commandLine()
            .execute("bank", "--from-model", export.toString(), "--csv", csv.toString()));
    ByteArrayOutputStream drawn = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(drawn, true, StandardCharsets.UTF_8));
    try {
      assertEquals(
          0,
          Main.commandLine()
              .execute(
                  "filters",
                  "--model-dir",
                  export.toString(),
                  "--png",
                  dir.resolve("filters.png").toString()));
    } finally {
      System.setOut(stdout);
    }
    assertTrue(
        drawn
            .toString(StandardCharsets.UTF_8)
            .contains("layer1/gabor1 (parametric, as trained): θ "),
        drawn.toString(StandardCharsets.UTF_8));

    List<String> rows = Files.readAllLines(csv).subList(1, 11);
    try (ExportedModel model = ExportedModel.load(export)) {
      ExportMetadata.Bank bank = model.metadata().banks().get(0);
      assertEquals("layer1/gabor1", bank.name());
      float[] kernel = model.tensor(bank.tensor());
      for (int f = 0; f < 10; f++) {
        String[] cells = rows.get(f).split(",");
        GaborParameters trained = bank.gabor().filters().get(f);
        assertEquals(trained.thetaDegrees(), Double.parseDouble(cells[0]), 0, "θ of filter " + f);
        assertEquals(trained.lambda(), Double.parseDouble(cells[1]), 0);
        assertEquals(trained.sigma(), Double.parseDouble(cells[3]), 0);
        for (int pixel = 0; pixel < 25; pixel++) {
          assertEquals(
              kernel[pixel * 10 + f],
              Double.parseDouble(cells[5 + pixel]),
              1e-6,
              "the CSV's kernel is the one the model computes, filter " + f);
        }
      }
    }
  }

  @Test
  void everyCommandHasHelp() {
    PrintStream stderr = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    try {
      for (String command :
          List.of(
              "train",
              "bench",
              "perf",
              "soak",
              "predict",
              "filters",
              "bank",
              "summary",
              "datasets")) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute(command, "--help"));
        assertTrue(out.toString().startsWith("Usage: gaborflow " + command), out.toString());
      }
    } finally {
      System.setErr(stderr);
    }
    // picocli warns on standard error about a description it cannot format (a lone '%').
    assertEquals("", warnings.toString(StandardCharsets.UTF_8));
  }

  @Test
  void evenBankSizeIsRefusedWithTheReason() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    assertEquals(1, cli.execute("bank", "--size", "6"));
    assertTrue(
        err.toString()
            .startsWith("gaborflow bank: Gabor kernel size must be odd and positive, got 6"),
        err.toString());
  }

  @Test
  void perfNamesAnUnknownLayerFormAndTheFormsThereAre() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    assertEquals(1, cli.execute("perf", "--models", "gabor-lenet:sideways", "--rounds", "1"));
    assertTrue(
        err.toString().contains("--models: no layer form 'sideways'; use one of [per_bank,"),
        err.toString());
  }

  @Test
  void perfRefusesABatchThatDoesNotSplitOverTheWorkersBeforeAnyServerStarts() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    assertEquals(
        1,
        cli.execute(
            "perf",
            "--models",
            "lenet",
            "--batch-size",
            "9",
            "--cluster",
            "127.0.0.1:1,127.0.0.1:2",
            "--task",
            "0",
            "--rounds",
            "1"));
    assertTrue(
        err.toString().contains("a batch of 9 images does not split evenly over 2 workers"),
        err.toString());
  }
}
