package io.gaborflow.tensorflow.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.tensorflow.testing.SyntheticData;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The validation split is held out of the training images: nothing in both, nothing lost, the same
 * number from each class, the same images for the same seed.
 */
class ValidationSplitTest {
  // Every synthetic image has its own noise, so an image's pixels identify it.
  private static final Dataset DATA = SyntheticData.stripes(8, 4, 203, 20, 9);

  private static Set<List<Float>> images(ImageSamples set) {
    Set<List<Float>> images = new HashSet<>();
    for (int i = 0; i < set.size(); i++) {
      float[] pixels = set.image(i);
      Float[] boxed = new Float[pixels.length];
      for (int k = 0; k < pixels.length; k++) {
        boxed[k] = pixels[k];
      }
      images.add(Arrays.asList(boxed));
    }
    return images;
  }

  @Test
  void validationImagesAreNotTrainedOnAndTogetherTheyAreTheTrainingSet() {
    Dataset split = DATA.withValidation(40, 3);
    ImageSamples validation = split.validation().orElseThrow();
    assertEquals(40, validation.size());
    assertEquals(DATA.train().size() - 40, split.train().size());
    Set<List<Float>> trained = images(split.train());
    Set<List<Float>> held = images(validation);
    Set<List<Float>> both = new HashSet<>(trained);
    both.retainAll(held);
    assertTrue(both.isEmpty(), both.size() + " validation images are also training images");
    Set<List<Float>> union = new HashSet<>(trained);
    union.addAll(held);
    assertEquals(images(DATA.train()), union);
    assertEquals(images(DATA.test()), images(split.test()));
  }

  @Test
  void eachClassGivesTheSameNumberOfValidationImages() {
    ImageSamples validation = DATA.withValidation(40, 3).validation().orElseThrow();
    int[] perClass = new int[DATA.classes()];
    for (int i = 0; i < validation.size(); i++) {
      perClass[validation.label(i)]++;
    }
    for (int c = 0; c < perClass.length; c++) {
      assertEquals(10, perClass[c], "class " + c);
    }
  }

  @Test
  void theSeedChoosesTheImages() {
    Set<List<Float>> first = images(DATA.withValidation(40, 3).validation().orElseThrow());
    assertEquals(first, images(DATA.withValidation(40, 3).validation().orElseThrow()));
    assertNotEquals(first, images(DATA.withValidation(40, 4).validation().orElseThrow()));
  }

  @Test
  void standardisationStatisticsComeFromTheTrainingImagesLeft() {
    Dataset split = DATA.withValidation(40, 3);
    ChannelStandardization fromTraining = ChannelStandardization.of(split.train(), 0, 1);
    assertEquals(fromTraining, split.standardized(0, 1).standardization());
    assertFalse(split.standardized(0, 1).validation().isEmpty());
  }

  @Test
  void aSplitAsLargeAsTheTrainingSetIsRefusedNamingTheSetting() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DATA.withValidation(203, 1));
    assertTrue(e.getMessage().contains("DataSpec.validation"), e.getMessage());
    assertTrue(e.getMessage().contains("203 training images"), e.getMessage());
  }
}
