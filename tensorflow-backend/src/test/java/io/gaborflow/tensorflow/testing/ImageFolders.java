package io.gaborflow.tensorflow.testing;

import io.gaborflow.tensorflow.data.Dataset;
import io.gaborflow.tensorflow.data.ImageSamples;
import io.gaborflow.tensorflow.data.ImageSet;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes a grey data set as an image folder ({@code train/class-L/img-NNNNN.png}, {@code test/...})
 * and gives the in-memory data set the folder holds: the same images in the folder's order (class
 * by class), with pixels rounded to the 8 bits a PNG keeps.
 */
public final class ImageFolders {
  private ImageFolders() {}

  /** Writes {@code data} under {@code root}; returns what reading the folder must give. */
  public static Dataset write(Dataset data, Path root) {
    return new Dataset(
        data.name(),
        write(data.train(), root.resolve("train"), data.classes()),
        write(data.test(), root.resolve("test"), data.classes()),
        data.classes());
  }

  /** The file image {@code index} of a split was written to. */
  public static Path file(Path root, String split, int label, int index) {
    return root.resolve(split)
        .resolve("class-" + label)
        .resolve(String.format("img-%05d.png", index));
  }

  private static ImageSet write(ImageSamples set, Path split, int classes) {
    if (set.channels() != 1) {
      throw new IllegalArgumentException("grey images only");
    }
    List<Integer> folderOrder = new ArrayList<>();
    for (int label = 0; label < classes; label++) {
      for (int i = 0; i < set.size(); i++) {
        if (set.label(i) == label) {
          folderOrder.add(i);
        }
      }
    }
    int per = set.pixelsPerImage();
    float[] pixels = new float[set.size() * per];
    int[] labels = new int[set.size()];
    for (int k = 0; k < folderOrder.size(); k++) {
      int i = folderOrder.get(k);
      float[] image = set.image(i);
      BufferedImage png =
          new BufferedImage(set.width(), set.height(), BufferedImage.TYPE_BYTE_GRAY);
      for (int p = 0; p < per; p++) {
        int grey = Math.round(Math.max(0, Math.min(1, image[p])) * 255);
        png.getRaster().setSample(p % set.width(), p / set.width(), 0, grey);
        pixels[k * per + p] = grey / 255f;
      }
      labels[k] = set.label(i);
      Path file = split.resolve("class-" + set.label(i)).resolve(String.format("img-%05d.png", i));
      try {
        Files.createDirectories(file.getParent());
        ImageIO.write(png, "png", file.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ImageSet(pixels, labels, set.height(), set.width(), 1);
  }
}
