package io.gaborflow.tensorflow.data;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.stream.ImageInputStream;

/**
 * A photo's EXIF orientation (the tag cameras write instead of rotating the pixels), so images are
 * used the way up they are shown. Orientations 1 to 8 as TIFF 6.0 and EXIF 2.3 define them.
 */
final class ExifOrientation {
  /** Stored the way up it is shown. */
  static final int UPRIGHT = 1;

  private ExifOrientation() {}

  /**
   * The orientation a JPEG file's EXIF data gives; {@link #UPRIGHT} for other files and when there
   * is none.
   */
  static int of(byte[] file) {
    if (file.length < 2 || (file[0] & 0xff) != 0xff || (file[1] & 0xff) != 0xd8) {
      return UPRIGHT;
    }
    try (ImageInputStream in = new ByteArrayImageInputStream(file)) {
      List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
      if (exif.isEmpty()) {
        return UPRIGHT;
      }
      byte[] data;
      try (InputStream segment = exif.get(0).data()) {
        data = segment.readAllBytes();
      }
      // "Exif" is followed by two zero bytes; the segment's data may start at either.
      int start = data.length > 0 && data[0] == 0 ? 1 : 0;
      Directory directory =
          new TIFFReader().read(new ByteArrayImageInputStream(data, start, data.length - start));
      Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
      int orientation =
          entry != null && entry.getValue() instanceof Number n ? n.intValue() : UPRIGHT;
      return orientation >= 1 && orientation <= 8 ? orientation : UPRIGHT;
    } catch (IOException | RuntimeException e) {
      // Unreadable metadata does not make the pixels unusable: the image is used as stored.
      return UPRIGHT;
    }
  }

  /** {@code stored} turned and flipped the way {@code orientation} says it is shown. */
  static BufferedImage upright(BufferedImage stored, int orientation) {
    if (orientation == UPRIGHT) {
      return stored;
    }
    int w = stored.getWidth();
    int h = stored.getHeight();
    boolean swaps = orientation >= 5;
    int outWidth = swaps ? h : w;
    int outHeight = swaps ? w : h;
    WritableRaster raster =
        stored.getColorModel().createCompatibleWritableRaster(outWidth, outHeight);
    Object pixel = null;
    for (int y = 0; y < outHeight; y++) {
      for (int x = 0; x < outWidth; x++) {
        int sourceX =
            switch (orientation) {
              case 2, 3 -> w - 1 - x;
              case 5, 6 -> y;
              case 7, 8 -> w - 1 - y;
              default -> x;
            };
        int sourceY =
            switch (orientation) {
              case 3, 4 -> h - 1 - y;
              case 5, 8 -> x;
              case 6, 7 -> h - 1 - x;
              default -> y;
            };
        pixel = stored.getRaster().getDataElements(sourceX, sourceY, pixel);
        raster.setDataElements(x, y, pixel);
      }
    }
    return new BufferedImage(stored.getColorModel(), raster, stored.isAlphaPremultiplied(), null);
  }
}
