package io.gaborflow.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gaborflow.core.model.FeatureShape;
import io.gaborflow.core.model.NetworkSummary;
import io.gaborflow.examples.models.GaborLeNetGraph;
import io.gaborflow.examples.models.LeNetGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code summary()} against figures counted by hand from the LeNet declarations. */
class SummaryTest {
  @Test
  void lenet() {
    NetworkSummary summary = new LeNetGraph().summary();
    // conv 5x5 1->20; pool; conv 5x5 20->50; pool; dense 800->500; dense 500->10.
    assertRows(
        summary,
        List.of(
            new NetworkSummary.Row(
                "layer1",
                "conv 5x5",
                FeatureShape.spatial(24, 24, 20),
                25 * 20 + 20,
                0,
                24L * 24 * 25 * 20),
            new NetworkSummary.Row(
                "layer2", "max pool 2x2", FeatureShape.spatial(12, 12, 20), 0, 0, 0),
            new NetworkSummary.Row(
                "layer3",
                "conv 5x5",
                FeatureShape.spatial(8, 8, 50),
                25 * 20 * 50 + 50,
                0,
                8L * 8 * 25 * 20 * 50),
            new NetworkSummary.Row(
                "layer4", "max pool 2x2", FeatureShape.spatial(4, 4, 50), 0, 0, 0),
            new NetworkSummary.Row(
                "layer5", "dense", FeatureShape.vector(500), 800 * 500 + 500, 0, 800L * 500),
            new NetworkSummary.Row(
                "layer6", "dense", FeatureShape.vector(10), 500 * 10 + 10, 0, 500L * 10)));
    assertEquals(431_080, summary.parameters().learnable());
    assertEquals(0, summary.parameters().fixed());
    assertTrue(summary.format().contains("learnable parameters: 431,080"), summary.format());
  }

  @Test
  void gaborLeNet() {
    NetworkSummary summary = new GaborLeNetGraph().summary();
    // Layer 1: 10 SHARED Gabor filters over 1 channel beside 10 learned; layer 3: 25 SHARED Gabor
    // filters over 20 channels (counted as a 5x5x20 kernel each) beside 25 learned. A SHARED bank's
    // forward cost is its channel mean plus one single-channel convolution.
    assertRows(
        summary,
        List.of(
            new NetworkSummary.Row(
                "layer1",
                "conv 5x5, 10 fixed + 10 learned",
                FeatureShape.spatial(24, 24, 20),
                25 * 10 + 10,
                25 * 10,
                24L * 24 * 25 * 10 + 24L * 24 * 25 * 10),
            new NetworkSummary.Row(
                "layer2", "max pool 2x2", FeatureShape.spatial(12, 12, 20), 0, 0, 0),
            new NetworkSummary.Row(
                "layer3",
                "conv 5x5, 25 fixed + 25 learned",
                FeatureShape.spatial(8, 8, 50),
                25 * 20 * 25 + 25,
                25 * 20 * 25,
                (8L * 8 * 25 * 25 + 12L * 12 * 20) + 8L * 8 * 25 * 20 * 25),
            new NetworkSummary.Row(
                "layer4", "max pool 2x2", FeatureShape.spatial(4, 4, 50), 0, 0, 0),
            new NetworkSummary.Row(
                "layer5", "dense", FeatureShape.vector(500), 800 * 500 + 500, 0, 800L * 500),
            new NetworkSummary.Row(
                "layer6", "dense", FeatureShape.vector(10), 500 * 10 + 10, 0, 500L * 10)));
    assertEquals(418_295, summary.parameters().learnable());
    assertEquals(12_750, summary.parameters().fixed());
  }

  private static void assertRows(NetworkSummary summary, List<NetworkSummary.Row> expected) {
    assertEquals(expected.size(), summary.rows().size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), summary.rows().get(i), "row " + (i + 1));
    }
  }
}
