package io.gaborflow.robustness.corruption;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A picture written as a baseline JPEG at a quality (libjpeg's scale, as Pillow's {@code quality})
 * and read back. The JDK's writer scales the standard tables as libjpeg does and subsamples chroma
 * 4:2:0, as Pillow does by default.
 */
final class JpegRoundTrip {
  private JpegRoundTrip() {}

  static Picture of(Picture picture, int quality) {
    BufferedImage image = toImage(picture);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality / 100f);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG encoding in memory failed: " + e.getMessage(), e);
    } finally {
      writer.dispose();
    }
    try {
      return fromImage(ImageIO.read(new ByteArrayInputStream(bytes.toByteArray())), picture);
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG decoding in memory failed: " + e.getMessage(), e);
    }
  }

  private static BufferedImage toImage(Picture picture) {
    boolean colour = picture.colour();
    BufferedImage image =
        new BufferedImage(
            picture.width(),
            picture.height(),
            colour ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < picture.height(); y++) {
      for (int x = 0; x < picture.width(); x++) {
        if (colour) {
          image.setRGB(
              x,
              y,
              byteOf(picture.at(y, x, 0)) << 16
                  | byteOf(picture.at(y, x, 1)) << 8
                  | byteOf(picture.at(y, x, 2)));
        } else {
          image.getRaster().setSample(x, y, 0, byteOf(picture.at(y, x, 0)));
        }
      }
    }
    return image;
  }

  private static Picture fromImage(BufferedImage image, Picture shape) {
    float[] out = new float[shape.pixels().length];
    int channels = shape.channels();
    for (int y = 0; y < shape.height(); y++) {
      for (int x = 0; x < shape.width(); x++) {
        int p = (y * shape.width() + x) * channels;
        if (channels == 3) {
          int rgb = image.getRGB(x, y);
          out[p] = ((rgb >> 16) & 0xff) / 255f;
          out[p + 1] = ((rgb >> 8) & 0xff) / 255f;
          out[p + 2] = (rgb & 0xff) / 255f;
        } else {
          out[p] = image.getRaster().getSample(x, y, 0) / 255f;
        }
      }
    }
    return shape.with(out);
  }

  private static int byteOf(float value) {
    return Math.max(0, Math.min(255, Math.round(value * 255)));
  }
}
