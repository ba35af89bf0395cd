package io.gaborflow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export-onnx} and {@code predict --onnx}: the ONNX file classifies the test images as the
 * export does, and each mistake is one line naming the file or the layer.
 */
class OnnxCommandsTest {
  @TempDir static Path dir;
  private static Path export;

  @BeforeAll
  static void train() {
    export = dir.resolve("gabor-lenet");
    assertEquals(
        0,
        Main.commandLine()
            .execute(
                "train",
                "--model",
                "gabor-lenet",
                "--data",
                "embedded",
                "--limit-train",
                "2000",
                "--epochs",
                "1",
                "--export",
                export.toString()));
  }

  @Test
  void theOnnxFileHasTheExportsTestAccuracyAndSaysWhatItHolds() {
    Path onnx = dir.resolve("gabor-lenet.onnx");
    String written = run("export-onnx", "--model-dir", export.toString(), "--out", onnx.toString());
    assertTrue(Files.isRegularFile(onnx));
    Matcher sizes =
        Pattern.compile("wrote .*: ([0-9,]+) bytes, ([0-9,]+) of them \\(([0-9.]+) %\\) the fixed")
            .matcher(written);
    assertTrue(sizes.find(), written);
    assertEquals(Long.parseLong(sizes.group(1).replace(",", "")), onnx.toFile().length(), written);
    assertTrue(Long.parseLong(sizes.group(2).replace(",", "")) > 0, "gabor-lenet has fixed banks");

    String viaOnnx = run("predict", "--onnx", onnx.toString(), "--data", "embedded");
    String viaTensorFlow = run("predict", "--model-dir", export.toString(), "--data", "embedded");
    assertEquals(accuracy(viaTensorFlow), accuracy(viaOnnx), viaOnnx + viaTensorFlow);
  }

  @Test
  void mistakesAreOneLineNamingTheFileOrLayer() throws Exception {
    assertEquals(
        "gaborflow export-onnx: /nowhere is not a gaborflow export: it has no gaborflow.json"
            + " (write one with --export)",
        error("export-onnx", "--model-dir", "/nowhere", "--out", dir.resolve("x.onnx").toString()));
    Path notOnnx = Files.writeString(dir.resolve("notes.onnx"), "not a model");
    assertTrue(
        error("predict", "--onnx", notOnnx.toString(), "--data", "embedded")
            .startsWith("gaborflow predict: " + notOnnx + ": ONNX Runtime cannot read it"));
    Path noisy = dir.resolve("vone");
    assertEquals(
        0,
        Main.commandLine()
            .execute(
                "bench",
                "--model",
                "lenet",
                "--data",
                "embedded",
                "--limit-train",
                "500",
                "--fractions",
                "50",
                "--vone",
                "--epochs",
                "1",
                "--robustness",
                "--robustness-images",
                "20",
                "--out",
                noisy.toString()));
    Path vone =
        Files.list(noisy.resolve("exports"))
            .filter(p -> p.toString().contains("vone"))
            .findFirst()
            .orElseThrow()
            .resolve("seed-1");
    assertTrue(
        error(
                "export-onnx",
                "--model-dir",
                vone.toString(),
                "--out",
                dir.resolve("v.onnx").toString())
            .startsWith("gaborflow export-onnx: bank layer1/gabor1 adds poisson noise at test"));
  }

  private static String accuracy(String output) {
    Matcher m = Pattern.compile("test accuracy ([0-9.]+) on").matcher(output);
    assertTrue(m.find(), output);
    return m.group(1);
  }

  /** What the command printed on standard output; it must succeed. */
  private static String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, Main.commandLine().execute(args));
    } finally {
      System.setOut(stdout);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The first line the failing command printed on standard error. */
  private static String error(String... args) {
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    assertEquals(1, cli.execute(args));
    return err.toString().lines().findFirst().orElse("");
  }
}
