package io.gaborflow.tensorflow.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws 2-D kernels as a grid of grey squares. Each kernel is scaled on its own so that 0 is
 * mid-grey and its largest magnitude is black or white: the shape of each filter shows, whatever
 * its norm. A tile may carry a coloured frame (fixed and learned filters, say).
 */
public final class FilterGridImage {
  private static final int GAP = 4;
  private static final int MIN_CELL = 56;
  private static final Color BACKGROUND = new Color(40, 40, 40);

  /** One kernel ({@code size * size} values, row by row) and its frame colour (null: none). */
  public record Tile(double[] kernel, int size, Color frame) {}

  private FilterGridImage() {}

  /** Tiles in rows of {@code columns}; a null tile leaves its cell empty (to start a new group). */
  public static BufferedImage render(List<Tile> tiles, int columns) {
    int size = tiles.stream().filter(t -> t != null).mapToInt(Tile::size).max().orElse(1);
    int rows = (tiles.size() + columns - 1) / columns;
    int scale = Math.max(1, (MIN_CELL + size - 1) / size);
    int cell = size * scale;
    BufferedImage image =
        new BufferedImage(
            GAP + columns * (cell + GAP), GAP + rows * (cell + GAP), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(BACKGROUND);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    for (int i = 0; i < tiles.size(); i++) {
      Tile tile = tiles.get(i);
      if (tile == null) {
        continue;
      }
      int x0 = GAP + (i % columns) * (cell + GAP);
      int y0 = GAP + (i / columns) * (cell + GAP);
      if (tile.frame() != null) {
        g.setColor(tile.frame());
        g.fillRect(x0 - GAP / 2, y0 - GAP / 2, cell + GAP, cell + GAP);
      }
      drawKernel(g, tile, x0, y0, cell / tile.size());
    }
    g.dispose();
    return image;
  }

  private static void drawKernel(Graphics2D g, Tile tile, int x0, int y0, int scale) {
    double max = 0;
    for (double v : tile.kernel()) {
      max = Math.max(max, Math.abs(v));
    }
    for (int i = 0; i < tile.kernel().length; i++) {
      int grey = max == 0 ? 128 : (int) Math.round(127.5 + 127.5 * tile.kernel()[i] / max);
      g.setColor(new Color(grey, grey, grey));
      g.fillRect(x0 + (i % tile.size()) * scale, y0 + (i / tile.size()) * scale, scale, scale);
    }
  }

  /** {@code grid} (from {@link #render}), PNG-encoded. */
  public static byte[] png(BufferedImage grid) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      if (!ImageIO.write(grid, "png", out)) {
        throw new IOException("no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a filter grid: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /** Writes the grid of {@code tiles} to {@code png}. */
  public static void write(List<Tile> tiles, int columns, Path png) {
    try {
      if (!ImageIO.write(render(tiles, columns), "png", png.toFile())) {
        throw new IOException("no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
    }
  }
}
