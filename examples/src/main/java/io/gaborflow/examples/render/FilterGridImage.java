package io.gaborflow.examples.render;

import io.gaborflow.core.gabor.FilterBank;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws a bank's kernels as a grid of grey squares, one row per orientation. Each kernel is scaled
 * on its own so that 0 is mid-grey and its largest magnitude is black or white: the shape of
 * each filter shows, whatever its norm.
 */
public final class FilterGridImage {
  private static final int GAP = 4;
  private static final int MIN_CELL = 56;

  private FilterGridImage() {}

  public static BufferedImage render(FilterBank bank, int columns) {
    int n = bank.filterCount();
    int rows = (n + columns - 1) / columns;
    int scale = Math.max(1, (MIN_CELL + bank.size() - 1) / bank.size());
    int cell = bank.size() * scale;
    BufferedImage image = new BufferedImage(
        GAP + columns * (cell + GAP), GAP + rows * (cell + GAP), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(40, 40, 40));
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    for (int f = 0; f < n; f++) {
      double[] k = bank.kernel(f);
      double max = 0;
      for (double v : k) {
        max = Math.max(max, Math.abs(v));
      }
      int x0 = GAP + (f % columns) * (cell + GAP);
      int y0 = GAP + (f / columns) * (cell + GAP);
      for (int i = 0; i < k.length; i++) {
        int grey = max == 0 ? 128 : (int) Math.round(127.5 + 127.5 * k[i] / max);
        g.setColor(new Color(grey, grey, grey));
        g.fillRect(x0 + (i % bank.size()) * scale, y0 + (i / bank.size()) * scale, scale, scale);
      }
    }
    g.dispose();
    return image;
  }

  public static void write(FilterBank bank, int columns, Path png) {
    try {
      if (!ImageIO.write(render(bank, columns), "png", png.toFile())) {
        throw new IOException("no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
    }
  }
}
