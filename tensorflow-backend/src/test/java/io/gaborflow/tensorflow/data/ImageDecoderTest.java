package io.gaborflow.tensorflow.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    assertEquals(
        (0.299 * 200 + 0.587 * 100 + 0.114 * 50) / 255,
        ImageDecoder.pixels(ImageDecoder.read(file), 1, 1, 1)[0],
        1e-6);
    float[] colour = ImageDecoder.pixels(ImageDecoder.read(file), 1, 1, 3);
    assertEquals(200 / 255f, colour[0], 1e-6);
    assertEquals(50 / 255f, colour[2], 1e-6);
  }

  @Test
  void colourJpegDecodesToItsColoursWithinJpegLoss() throws IOException {
    // A smooth gradient: JPEG keeps it to within a few levels, where a misread channel order or
    // a greyscale decode would be off by far more.
    BufferedImage rgb = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        rgb.setRGB(x, y, ((40 + 10 * x) << 16) | ((60 + 8 * y) << 8) | 200);
      }
    }
    Path file = dir.resolve("gradient.jpg");
    assertTrue(ImageIO.write(rgb, "jpg", file.toFile()), "ImageIO writes JPEG");
    float[] colour = ImageDecoder.pixels(ImageDecoder.read(file), 16, 16, 3);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        int p = (y * 16 + x) * 3;
        assertEquals((40 + 10 * x) / 255f, colour[p], 12 / 255f, "red at " + x + "," + y);
        assertEquals((60 + 8 * y) / 255f, colour[p + 1], 12 / 255f, "green at " + x + "," + y);
        assertEquals(200 / 255f, colour[p + 2], 12 / 255f, "blue at " + x + "," + y);
      }
    }
  }
}
