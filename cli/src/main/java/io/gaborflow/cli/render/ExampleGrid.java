package io.gaborflow.cli.render;

import io.gaborflow.robustness.RobustnessExamples;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Example images of a robustness run as one picture: a row per image, its true class on the left, a
 * column per version (clean, then each attack), each image enlarged without smoothing and captioned
 * with the model's answer, green when right and red when wrong.
 */
public final class ExampleGrid {
  private static final int ZOOM = 4;
  private static final int CAPTION = 16;
  private static final int HEADER = 20;
  private static final int GAP = 6;
  private static final int LABELS = 90;

  private ExampleGrid() {}

  /** Writes {@code examples} to {@code png}. */
  public static void write(RobustnessExamples examples, Path png) {
    int cellWidth = Math.max(examples.width() * ZOOM, 110);
    int cellHeight = examples.height() * ZOOM + CAPTION;
    int columns = examples.columns().size();
    BufferedImage image =
        new BufferedImage(
            LABELS + GAP + columns * (cellWidth + GAP),
            HEADER + examples.rows().size() * (cellHeight + GAP) + GAP,
            BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.setColor(Color.BLACK);
    g.drawString("true class", GAP, HEADER - 6);
    for (int c = 0; c < columns; c++) {
      g.drawString(examples.columns().get(c), LABELS + GAP + c * (cellWidth + GAP), HEADER - 6);
    }
    for (int r = 0; r < examples.rows().size(); r++) {
      RobustnessExamples.Row row = examples.rows().get(r);
      int top = HEADER + r * (cellHeight + GAP);
      g.setColor(Color.BLACK);
      g.drawString(examples.classNames().get(row.label()), GAP, top + examples.height() * ZOOM / 2);
      for (int c = 0; c < columns; c++) {
        int left = LABELS + GAP + c * (cellWidth + GAP);
        g.drawImage(
            enlarged(row.images().get(c), examples.height(), examples.width(), examples.channels()),
            left,
            top,
            null);
        int answer = row.predicted().get(c);
        g.setColor(answer == row.label() ? new Color(0, 120, 0) : new Color(190, 0, 0));
        g.drawString(
            examples.classNames().get(answer), left, top + examples.height() * ZOOM + CAPTION - 4);
      }
      g.setColor(Color.BLACK);
    }
    g.dispose();
    try {
      ImageIO.write(image, "png", png.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
    }
  }

  private static BufferedImage enlarged(float[] pixels, int height, int width, int channels) {
    BufferedImage out = new BufferedImage(width * ZOOM, height * ZOOM, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height * ZOOM; y++) {
      for (int x = 0; x < width * ZOOM; x++) {
        int at = ((y / ZOOM) * width + x / ZOOM) * channels;
        int r = level(pixels[at]);
        int gr = channels == 3 ? level(pixels[at + 1]) : r;
        int b = channels == 3 ? level(pixels[at + 2]) : r;
        out.setRGB(x, y, (r << 16) | (gr << 8) | b);
      }
    }
    return out;
  }

  private static int level(float value) {
    return Math.max(0, Math.min(255, Math.round(value * 255)));
  }
}
