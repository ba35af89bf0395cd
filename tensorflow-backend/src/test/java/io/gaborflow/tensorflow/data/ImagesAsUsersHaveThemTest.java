package io.gaborflow.tensorflow.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Photos as cameras write them: turned by an EXIF tag, and much larger than the model's input. */
class ImagesAsUsersHaveThemTest {
  @TempDir Path dir;

  /**
   * A 32x16 JPEG (wider than high) whose top-left 8x8 block is white and the rest black, with an
   * EXIF orientation tag.
   */
  private Path photo(int orientation) throws IOException {
    BufferedImage image = new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        image.setRGB(x, y, 0xffffff);
      }
    }
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", jpeg);
    byte[] plain = jpeg.toByteArray();
    // An APP1 "Exif" segment right after the start-of-image marker: a big-endian TIFF header and
    // one IFD entry, Orientation (tag 0x0112, SHORT, count 1).
    ByteBuffer app1 = ByteBuffer.allocate(36);
    app1.putShort((short) 0xFFE1)
        .putShort((short) 34)
        .put("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    app1.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
    app1.putShort((short) 1)
        .putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) orientation)
        .putShort((short) 0);
    app1.putInt(0);
    byte[] withExif = new byte[plain.length + app1.capacity()];
    System.arraycopy(plain, 0, withExif, 0, 2);
    System.arraycopy(app1.array(), 0, withExif, 2, app1.capacity());
    System.arraycopy(plain, 2, withExif, 2 + app1.capacity(), plain.length - 2);
    Path file = dir.resolve("photo-" + orientation + ".jpg");
    Files.write(file, withExif);
    return file;
  }

  @ParameterizedTest(name = "orientation {0}: the white corner shows at {1}")
  @CsvSource({
    "1, top-left", "2, top-right", "3, bottom-right", "4, bottom-left",
    "5, top-left", "6, top-right", "7, bottom-right", "8, bottom-left"
  })
  void exifOrientationTurnsThePhotoTheWayItIsShown(int orientation, String corner)
      throws IOException {
    BufferedImage shown = ImageDecoder.read(photo(orientation));
    boolean turned = orientation >= 5;
    assertEquals(turned ? 16 : 32, shown.getWidth(), "width");
    assertEquals(turned ? 32 : 16, shown.getHeight(), "height");
    int right = shown.getWidth() - 4;
    int bottom = shown.getHeight() - 4;
    String brightest = null;
    int best = -1;
    for (String candidate : new String[] {"top-left", "top-right", "bottom-left", "bottom-right"}) {
      int x = candidate.endsWith("left") ? 3 : right;
      int y = candidate.startsWith("top") ? 3 : bottom;
      int green = (shown.getRGB(x, y) >> 8) & 0xff;
      if (green > best) {
        best = green;
        brightest = candidate;
      }
    }
    assertEquals(corner, brightest);
  }

  @Test
  void aFinePatternMadeSmallBecomesItsAverageInsteadOfAliasing() throws IOException {
    // One-pixel vertical lines, black and white: at an eighth of the size every output pixel
    // covers four of each, so it is mid-grey. A single bilinear pass samples a few columns and
    // returns black or white stripes.
    BufferedImage lines = new BufferedImage(256, 256, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 256; y++) {
      for (int x = 0; x < 256; x += 2) {
        lines.getRaster().setSample(x, y, 0, 255);
      }
    }
    Path file = dir.resolve("lines.png");
    ImageIO.write(lines, "png", file.toFile());
    float[] small = ImageDecoder.pixels(ImageDecoder.read(file), 32, 32, 1);
    float lowest = 1;
    float highest = 0;
    for (int y = 2; y < 30; y++) {
      for (int x = 2; x < 30; x++) {
        lowest = Math.min(lowest, small[y * 32 + x]);
        highest = Math.max(highest, small[y * 32 + x]);
      }
    }
    assertEquals(0.5, lowest, 0.05, "darkest pixel away from the border");
    assertEquals(0.5, highest, 0.05, "brightest pixel away from the border");
  }
}
