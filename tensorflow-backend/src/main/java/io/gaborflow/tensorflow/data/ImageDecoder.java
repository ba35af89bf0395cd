package io.gaborflow.tensorflow.data;

import com.twelvemonkeys.image.ResampleOp;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Reads an image file (PNG, JPEG, BMP, GIF: what ImageIO reads) as the float pixels a model takes:
 * turned the way its EXIF orientation says, resized when asked to (an antialiased filter, so a
 * large photo made small does not alias), grey (ITU-R BT.601 luma) or RGB, scaled from 0..255 to
 * 0..1.
 */
public final class ImageDecoder {
  private ImageDecoder() {}

  /** The decoded image, the way up its EXIF orientation says it is shown, before any resizing. */
  public static BufferedImage read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new DataFormatException(file, "file does not exist");
    }
    try {
      // Read once: the pixels and the EXIF orientation come from the same bytes.
      byte[] bytes = Files.readAllBytes(file);
      BufferedImage image = ImageIO.read(new ByteArrayImageInputStream(bytes));
      if (image == null) {
        throw new DataFormatException(
            file, "not an image that can be read (PNG, JPEG, BMP or GIF)");
      }
      return ExifOrientation.upright(image, ExifOrientation.of(bytes));
    } catch (IOException e) {
      throw new DataFormatException(file.toString(), "unreadable image: " + e.getMessage(), e);
    }
  }

  /**
   * {@code image} as {@code height x width x channels} floats; resized when its size differs. A
   * reduction of more than half uses a triangle filter that widens with it (what {@code
   * tf.image.resize} does with {@code antialias=True}), so each output pixel averages the input
   * pixels it covers; up to half, bilinear interpolation already reaches every input pixel, at a
   * fraction of the cost (bench/README.md). A grey image keeps its stored values: converting it
   * through RGB would apply the sRGB gamma and shift every pixel.
   */
  public static float[] pixels(BufferedImage image, int height, int width, int channels) {
    BufferedImage sized = image;
    if (image.getWidth() > 2 * width || image.getHeight() > 2 * height) {
      sized = new ResampleOp(width, height, ResampleOp.FILTER_TRIANGLE).filter(image, null);
    } else if (image.getWidth() != width || image.getHeight() != height) {
      sized =
          new BufferedImage(
              width,
              height,
              isGrey(image) ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
      Graphics2D g = sized.createGraphics();
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, 0, 0, width, height, null);
      g.dispose();
    }
    boolean grey = isGrey(sized);
    float[] out = new float[height * width * channels];
    double greyScale = grey ? (1 << sized.getColorModel().getComponentSize(0)) - 1 : 255;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int at = (y * width + x) * channels;
        if (grey) {
          float v = (float) (sized.getRaster().getSample(x, y, 0) / greyScale);
          for (int c = 0; c < channels; c++) {
            out[at + c] = v;
          }
          continue;
        }
        int rgb = sized.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int gr = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (channels == 1) {
          out[at] = (float) ((0.299 * r + 0.587 * gr + 0.114 * b) / 255.0);
        } else {
          out[at] = r / 255f;
          out[at + 1] = gr / 255f;
          out[at + 2] = b / 255f;
        }
      }
    }
    return out;
  }

  /**
   * The channels an image file is read with when the model does not say: 1 for grey, 3 otherwise.
   */
  static int channels(BufferedImage image) {
    return image.getColorModel().getNumColorComponents() == 1 ? 1 : 3;
  }

  /** Whether the raster holds one grey sample per pixel (no alpha), read as stored. */
  private static boolean isGrey(BufferedImage image) {
    return image.getColorModel().getNumComponents() == 1;
  }
}
