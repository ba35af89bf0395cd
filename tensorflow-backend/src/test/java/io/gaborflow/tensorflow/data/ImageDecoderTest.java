package io.gaborflow.tensorflow.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images enter a model with the values they store. */
class ImageDecoderTest {
  @TempDir Path dir;

  @Test
  void greyPngKeepsItsStoredValues() throws IOException {
    BufferedImage grey = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
    for (int i = 0; i < 8; i++) {
      grey.getRaster().setSample(i % 4, i / 4, 0, i * 30);
    }
    Path file = dir.resolve("grey.png");
    ImageIO.write(grey, "png", file.toFile());
    float[] one = ImageDecoder.pixels(ImageDecoder.read(file), 2, 4, 1);
    float[] three = ImageDecoder.pixels(ImageDecoder.read(file), 2, 4, 3);
    for (int i = 0; i < 8; i++) {
      assertEquals(i * 30 / 255f, one[i], 1e-6, "pixel " + i);
      assertEquals(i * 30 / 255f, three[i * 3 + 2], 1e-6, "pixel " + i + " as RGB");
    }
  }

  @Test
  void colourPngToGreyUsesLuma() throws IOException {
    BufferedImage rgb = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    rgb.setRGB(0, 0, (200 << 16) | (100 << 8) | 50);
    Path file = dir.resolve("rgb.png");
    ImageIO.write(rgb, "png", file.toFile());
    assertEquals((0.299 * 200 + 0.587 * 100 + 0.114 * 50) / 255, ImageDecoder.pixels(ImageDecoder.read(file), 1, 1, 1)[0], 1e-6);
    float[] colour = ImageDecoder.pixels(ImageDecoder.read(file), 1, 1, 3);
    assertEquals(200 / 255f, colour[0], 1e-6);
    assertEquals(50 / 255f, colour[2], 1e-6);
  }
}
