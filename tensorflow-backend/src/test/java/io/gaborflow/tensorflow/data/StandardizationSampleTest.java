package io.gaborflow.tensorflow.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * Standardisation statistics from a seeded sample of the training images: the cost stays flat as
 * data grows.
 */
class StandardizationSampleTest {
  /** {@code count} 2x2 grey images; image i is constant at i / count. */
  private static ImageSet ramp(int count) {
    float[] pixels = new float[count * 4];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) (i / 4) / count;
    }
    return new ImageSet(pixels, new int[count], 2, 2, 1);
  }

  @Test
  void aSampleAsLargeAsTheSetGivesTheWholeSetsStatistics() {
    ImageSet set = ramp(500);
    assertEquals(ChannelStandardization.of(set), ChannelStandardization.of(set, 500, 3));
    assertEquals(ChannelStandardization.of(set), ChannelStandardization.of(set, 0, 3));
  }

  @Test
  void aSmallerSampleIsSeededAndCloseToTheWholeSet() {
    ImageSet set = ramp(5_000);
    ChannelStandardization whole = ChannelStandardization.of(set);
    ChannelStandardization sample = ChannelStandardization.of(set, 400, 3);
    assertEquals(sample, ChannelStandardization.of(set, 400, 3), "same seed, same statistics");
    assertNotEquals(sample, ChannelStandardization.of(set, 400, 4), "another seed, another sample");
    assertNotEquals(whole, sample, "computed from the sample, not from every image");
    // The ramp's mean is 0.5 and its deviation 0.289; 400 draws put the sample mean within 0.05.
    assertEquals(whole.mean().get(0), sample.mean().get(0), 0.05);
    assertEquals(whole.std().get(0), sample.std().get(0), 0.05);
  }

  @Test
  void theSpecsSampleReachesTheStatisticsAndDefaultsToTenThousand() {
    ImageSet train = ramp(2_000);
    DataSource source =
        new DataSource() {
          @Override
          public Dataset load(DataSpec spec) {
            return new Dataset("ramp", train, ramp(10), 2);
          }

          @Override
          public String usage() {
            return "ramp";
          }
        };
    DataSources sources = new DataSources(java.util.Map.of("ramp", source));
    DataSpec spec = DataSpec.parse("ramp").standardized(true).limited(0, 0, 11);
    assertEquals(
        ChannelStandardization.of(train),
        sources.load(spec).standardization(),
        "2,000 images are fewer than the default sample: all are used");
    assertEquals(
        ChannelStandardization.of(train, 100, 11),
        sources.load(spec.standardizedFrom(100)).standardization());
  }
}
