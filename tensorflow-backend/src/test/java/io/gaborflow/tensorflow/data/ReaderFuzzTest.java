package io.gaborflow.tensorflow.data;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The IDX and CIFAR-10 readers on hostile bytes: whatever comes in, the only exception is {@link
 * DataFormatException}, nothing hangs and a header claiming billions of images allocates nothing
 * for them.
 *
 * <p>In the normal build the {@code @FuzzTest}s replay their corpus (under {@code
 * ReaderFuzzTestInputs/}) and {@link #boundedMutations()} runs 4,000 seeded mutations of valid
 * files. To fuzz for longer (Jazzer fuzzes one target per run; 1.9 million IDX inputs a minute
 * here): {@code JAZZER_FUZZ=1 ./mvnw -pl tensorflow-backend -am test -Dtest='ReaderFuzzTest#idx'
 * -Dsurefire.failIfNoSpecifiedTests=false}, and likewise {@code #cifar10}.
 */
class ReaderFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void idx(byte[] input) {
    readIdx(input);
  }

  @FuzzTest(maxDuration = "60s")
  void cifar10(byte[] input) {
    readCifar(input);
  }

  @Test
  void boundedMutations() throws IOException {
    List<byte[]> seeds =
        List.of(
            IdxDataSourceTest.idx(new int[] {3, 2, 2}, new byte[12]),
            IdxDataSourceTest.gzip(IdxDataSourceTest.idx(new int[] {4}, new byte[] {0, 1, 2, 3})),
            Cifar10AndFolderSourcesTest.cifarRecords(2));
    SplittableRandom random = new SplittableRandom(20261128);
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          for (int i = 0; i < 4000; i++) {
            byte[] input = mutate(seeds.get(i % seeds.size()), random);
            readIdx(input);
            readCifar(input);
          }
        });
  }

  private static void readIdx(byte[] input) {
    try {
      IdxFile.read(new ByteArrayInputStream(input), "fuzz.idx");
    } catch (DataFormatException expected) {
      // The documented failure.
    }
  }

  private static void readCifar(byte[] input) {
    try {
      Cifar10DataSource.decode(List.of(input), List.of("fuzz.bin"));
    } catch (DataFormatException expected) {
      // The documented failure.
    }
  }

  /** Flips, overwrites, cuts or extends a few bytes; sometimes the header's size fields. */
  private static byte[] mutate(byte[] seed, SplittableRandom random) throws IOException {
    byte[] out = seed.clone();
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      switch (random.nextInt(5)) {
        case 0 -> out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        case 1 -> out[random.nextInt(Math.min(out.length, 16))] = (byte) random.nextInt(256);
        case 2 -> out = java.util.Arrays.copyOf(out, random.nextInt(out.length + 1));
        case 3 -> out = java.util.Arrays.copyOf(out, out.length + random.nextInt(64));
        default -> {
          if (out.length >= 8) {
            out[4] = (byte) 0x7f; // a dimension of about two billion
          }
        }
      }
      if (out.length == 0) {
        break;
      }
    }
    if (random.nextInt(10) == 0) {
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
        z.write(out);
      }
      out = gz.toByteArray();
    }
    return out;
  }
}
