package io.gaborflow.tensorflow.data;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.ArrayList;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns listed images into an {@link ImageSet}: the class-balanced subset is chosen from the labels
 * first, then only the chosen images are decoded, on one worker thread per core.
 */
final class EncodedImages {
  private static final Logger LOG = LoggerFactory.getLogger(EncodedImages.class);

  private EncodedImages() {}

  /**
   * The size images are read at: the spec's resize when it gives one, else the size and colour of
   * the first image, or of the first that decodes when it skips bad files. That size must be the
   * model's input when the spec names one, so a mismatch is refused before the rest are decoded.
   */
  static ImageSize size(DataSpec spec, String data, List<? extends EncodedImage> images) {
    if (spec.resize() != null) {
      return spec.resize();
    }
    for (EncodedImage candidate : images) {
      BufferedImage image;
      try {
        image = candidate.decode();
      } catch (DataFormatException e) {
        if (!spec.skipBadFiles()) {
          throw e;
        }
        continue;
      }
      ImageSize size = new ImageSize(image.getHeight(), image.getWidth(), ImageDecoder.channels(image));
      if (spec.modelInput() != null && !size.equals(spec.modelInput())) {
        ImageSize input = spec.modelInput();
        throw candidate.problem(ImageSize.mismatch("the model", input.height(), input.width(), input.channels(),
            data, size.height(), size.width(), size.channels()));
      }
      return size;
    }
    throw new IllegalArgumentException("none of the " + images.size() + " training images of " + data
        + " can be decoded");
  }

  /** A seeded class-balanced subset of {@code limit} of {@code images} (0: all), in their order. */
  static <T extends EncodedImage> List<T> subset(List<T> images, int classes, int limit, long seed) {
    int[] labels = images.stream().mapToInt(EncodedImage::label).toArray();
    return Arrays.stream(BalancedSubset.indices(labels, classes, limit, seed)).mapToObj(images::get).toList();
  }

  /**
   * {@code images} decoded at {@code size}. Unless {@code resizing}, an image of another size is an
   * error naming it. When several images are bad, the first in list order is reported, whatever
   * thread met it first; with {@code skipBad}, each bad one is left out with a warning naming it,
   * and the count of them is logged at the end.
   */
  static ImageSet decode(List<? extends EncodedImage> chosen, ImageSize size, boolean resizing, boolean skipBad,
      String what) {
    int per = size.height() * size.width() * size.channels();
    float[] pixels = new float[chosen.size() * per];
    int[] chosenLabels = new int[chosen.size()];
    boolean[] skipped = new boolean[chosen.size()];
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
      for (int i = 0; i < done.size(); i++) {
        try {
          done.get(i).get();
        } catch (ExecutionException e) {
          if (!(skipBad && e.getCause() instanceof DataFormatException bad)) {
            throw e;
          }
          LOG.warn("{}; skipped", bad.getMessage());
          skipped[i] = true;
        }
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
    ImageSet set = new ImageSet(pixels, chosenLabels, size.height(), size.width(), size.channels());
    int[] kept = IntStream.range(0, chosen.size()).filter(i -> !skipped[i]).toArray();
    if (kept.length == chosen.size()) {
      return set;
    }
    LOG.warn("skipped {} of {} {} that could not be decoded", chosen.size() - kept.length, chosen.size(), what);
    if (kept.length == 0) {
      throw new IllegalArgumentException("none of the " + chosen.size() + " " + what + " can be decoded");
    }
    return set.select(kept);
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
