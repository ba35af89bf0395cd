package io.gaborflow.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.examples.cli.Main;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
    int exit = Main.commandLine().execute("bank", "--size", "7", "--orientations", "4", "--wavelengths", "4",
        "--phases", "0,90", "--aspect", "0.5", "--sigma", "2", "--csv", csv.toString(), "--png", png.toString());
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
      Mat expected = Imgproc.getGaborKernel(new Size(7, 7), sigma, Math.toRadians(theta), lambda, gamma,
          Math.toRadians(psi), CvType.CV_64F);
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
    assertEquals("train: unknown model 'resnet'; use one of: gabor-lenet, gabor-nin, lenet, nin\n"
        + "Try 'gaborflow train --help' for usage.\n", err.toString());
  }

  @Test
  void unknownDataSourceListsTheKnownOnes() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute("train", "--data", "mnist-from-the-web");
    assertEquals(1, exit);
    assertEquals("train: unknown data source 'mnist-from-the-web'; use one of: cifar10:DIR, embedded (a 7,000-image"
        + " slice of Fashion-MNIST shipped with gaborflow), fashion-mnist (/usr/share/datasets/fashion-mnist),"
        + " folder:DIR (DIR/train/<class>/*.png and DIR/test/<class>/*.png), idx:DIR\n"
        + "Try 'gaborflow train --help' for usage.\n", err.toString());
  }

  @Test
  void evenBankSizeIsRefusedWithTheReason() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));
    assertEquals(1, cli.execute("bank", "--size", "6"));
    assertTrue(err.toString().startsWith("bank: Gabor kernel size must be odd and positive, got 6"), err.toString());
  }
}
