package io.gaborflow.tensorflow.summary;

import com.google.protobuf.ByteString;
import io.gaborflow.tensorflow.data.TfRecordFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.HistogramProto;
import org.tensorflow.proto.Summary;

/**
 * Writes a TensorBoard event file: {@code DIR/events.out.tfevents.<seconds>.<host>.gaborflow}, a
 * TFRecord file of {@code Event} protos, the first naming the format version. TensorBoard reads the
 * directory while it grows; {@link #flush()} makes what was written visible.
 */
public final class EventFileWriter implements AutoCloseable {
  private final Path file;
  private final OutputStream out;

  /** A new event file in {@code directory}, created with its parents if needed. */
  public EventFileWriter(Path directory) {
    try {
      Files.createDirectories(directory);
      long seconds = System.currentTimeMillis() / 1000;
      this.file = directory.resolve("events.out.tfevents." + seconds + "." + host() + ".gaborflow");
      this.out = new BufferedOutputStream(Files.newOutputStream(file));
      write(Event.newBuilder().setWallTime(now()).setFileVersion("brain.Event:2").build());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write TensorBoard events in " + directory + ": " + e.getMessage(), e);
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  private static double now() {
    return System.currentTimeMillis() / 1000.0;
  }

  /** The file written. */
  public Path file() {
    return file;
  }

  /** A scalar point of curve {@code tag} at {@code step}. */
  public void scalar(String tag, long step, double value) {
    summary(step, Summary.Value.newBuilder().setTag(tag).setSimpleValue((float) value));
  }

  /** An image of {@code tag} at {@code step}, PNG-encoded, {@code channels} 1 (grey) or 3. */
  public void image(String tag, long step, byte[] png, int height, int width, int channels) {
    summary(
        step,
        Summary.Value.newBuilder()
            .setTag(tag)
            .setImage(
                Summary.Image.newBuilder()
                    .setHeight(height)
                    .setWidth(width)
                    .setColorspace(channels)
                    .setEncodedImageString(ByteString.copyFrom(png))));
  }

  /** A histogram of {@code values} as curve {@code tag} at {@code step}. */
  public void histogram(String tag, long step, float[] values) {
    summary(step, Summary.Value.newBuilder().setTag(tag).setHisto(Histograms.of(values)));
  }

  private void summary(long step, Summary.Value.Builder value) {
    write(
        Event.newBuilder()
            .setWallTime(now())
            .setStep(step)
            .setSummary(Summary.newBuilder().addValue(value))
            .build());
  }

  private void write(Event event) {
    try {
      TfRecordFile.write(out, event.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Makes every event written so far readable. */
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
    }
  }

  /** TensorBoard's histogram of a tensor's values. */
  static final class Histograms {
    private static final int BUCKETS = 30;

    private Histograms() {}

    /** {@code values} in 30 equal buckets between their minimum and maximum. */
    static HistogramProto of(float[] values) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      double squares = 0;
      for (float v : values) {
        min = Math.min(min, v);
        max = Math.max(max, v);
        sum += v;
        squares += (double) v * v;
      }
      HistogramProto.Builder histogram =
          HistogramProto.newBuilder()
              .setNum(values.length)
              .setSum(sum)
              .setSumSquares(squares)
              .setMin(values.length == 0 ? 0 : min)
              .setMax(values.length == 0 ? 0 : max);
      if (values.length == 0) {
        return histogram.build();
      }
      double width = (max - min) / BUCKETS;
      long[] counts = new long[BUCKETS];
      for (float v : values) {
        int bucket = width == 0 ? 0 : (int) Math.min(BUCKETS - 1, (v - min) / width);
        counts[bucket]++;
      }
      for (int b = 0; b < BUCKETS; b++) {
        // Each bucket's upper edge; the last is the maximum itself.
        histogram.addBucketLimit(b == BUCKETS - 1 ? max : min + width * (b + 1));
        histogram.addBucket(counts[b]);
      }
      return histogram.build();
    }
  }
}
