package io.gaborflow.tensorflow.data;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.ArrayList;

/**
 * Turns listed images into an {@link ImageSet}: the class-balanced subset is chosen from the labels
 * first, then only the chosen images are decoded, on one worker thread per core.
 */
final class EncodedImages {
  private EncodedImages() {}

  /** The size images are read at: {@code resize} when given, else the size and colour of {@code first}. */
  static ImageSize size(ImageSize resize, EncodedImage first) {
    if (resize != null) {
      return resize;
    }
    BufferedImage image = first.decode();
    int channels = image.getColorModel().getNumColorComponents() == 1 ? 1 : 3;
    return new ImageSize(image.getHeight(), image.getWidth(), channels);
  }

  /** A seeded class-balanced subset of {@code limit} of {@code images} (0: all), in their order. */
  static <T extends EncodedImage> List<T> subset(List<T> images, int classes, int limit, long seed) {
    int[] labels = images.stream().mapToInt(EncodedImage::label).toArray();
    return Arrays.stream(BalancedSubset.indices(labels, classes, limit, seed)).mapToObj(images::get).toList();
  }

  /**
   * {@code images} decoded at {@code size}. Unless {@code resizing}, an image of another size is an
   * error naming it. When several images are bad, the first in list order is reported, whatever
   * thread met it first.
   */
  static ImageSet decode(List<? extends EncodedImage> chosen, ImageSize size, boolean resizing) {
    int per = size.height() * size.width() * size.channels();
    float[] pixels = new float[chosen.size() * per];
    int[] chosenLabels = new int[chosen.size()];
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), chosen.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "gaborflow-decode");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> done = new ArrayList<>(chosen.size());
      for (int i = 0; i < chosen.size(); i++) {
        int at = i;
        EncodedImage image = chosen.get(i);
        chosenLabels[i] = image.label();
        done.add(pool.submit(() -> {
          System.arraycopy(pixelsOf(image, size, resizing), 0, pixels, at * per, per);
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException problem) {
        throw problem;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while decoding images", e);
    } finally {
      pool.shutdownNow();
    }
    return new ImageSet(pixels, chosenLabels, size.height(), size.width(), size.channels());
  }

  private static float[] pixelsOf(EncodedImage encoded, ImageSize size, boolean resizing) {
    BufferedImage image = encoded.decode();
    if (!resizing && (image.getHeight() != size.height() || image.getWidth() != size.width())) {
      throw encoded.problem("is " + image.getHeight() + "x" + image.getWidth() + " but the first image is "
          + size.height() + "x" + size.width() + "; make them one size or let gaborflow resize them (--resize)");
    }
    return ImageDecoder.pixels(image, size.height(), size.width(), size.channels());
  }
}
