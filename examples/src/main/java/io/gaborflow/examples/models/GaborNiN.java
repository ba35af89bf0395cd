package io.gaborflow.examples.models;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.Activation;
import io.gaborflow.core.annotation.AvgPool;
import io.gaborflow.core.annotation.ChannelCoverage;
import io.gaborflow.core.annotation.Conv;
import io.gaborflow.core.annotation.Dropout;
import io.gaborflow.core.annotation.Fixed;
import io.gaborflow.core.annotation.Gabor;
import io.gaborflow.core.annotation.GlobalAvgPool;
import io.gaborflow.core.annotation.Learnable;
import io.gaborflow.core.annotation.MaxPool;
import io.gaborflow.core.annotation.Network;
import io.gaborflow.core.annotation.Padding;

/**
 * {@link NiN} with half of each spatial convolution (5x5, 5x5, 3x3) a fixed Gabor bank of 96
 * filters: 12 orientations x 4 wavelengths x 2 phases. The first bank reads the colour input one
 * channel per filter ({@code SINGLE}), so colour edges have their own detectors; the deeper banks
 * read the mean of their input maps ({@code SHARED}). The 1x1 layers stay learnable.
 */
@Network(height = 32, width = 32, channels = 3, classes = 10, name = "gabor-nin")
public class GaborNiN {
  @Conv(layer = 1, size = 5, padding = Padding.SAME)
  @Fixed(
      gabor =
          @Gabor(
              orientations = 12,
              wavelengths = {2.5, 3.5, 5, 7},
              phases = {0, 90},
              coverage = ChannelCoverage.SINGLE))
  Bank gabor1;

  @Conv(layer = 1, size = 5, padding = Padding.SAME)
  @Learnable(filters = 96)
  Bank conv1;

  @Conv(layer = 2, size = 1)
  @Learnable(filters = 160)
  Bank cccp1;

  @Conv(layer = 3, size = 1)
  @Learnable(filters = 96)
  Bank cccp2;

  @MaxPool(layer = 4, size = 3, stride = 2, padding = Padding.SAME)
  Layer pool1;

  @Dropout(layer = 5, rate = 0.5)
  Layer drop1;

  @Conv(layer = 6, size = 5, padding = Padding.SAME)
  @Fixed(
      gabor =
          @Gabor(
              orientations = 12,
              wavelengths = {2.5, 3.5, 5, 7},
              phases = {0, 90}))
  Bank gabor2;

  @Conv(layer = 6, size = 5, padding = Padding.SAME)
  @Learnable(filters = 96)
  Bank conv2;

  @Conv(layer = 7, size = 1)
  @Learnable(filters = 192)
  Bank cccp3;

  @Conv(layer = 8, size = 1)
  @Learnable(filters = 192)
  Bank cccp4;

  @AvgPool(layer = 9, size = 3, stride = 2, padding = Padding.SAME)
  Layer pool2;

  @Dropout(layer = 10, rate = 0.5)
  Layer drop2;

  @Conv(layer = 11, size = 3, padding = Padding.SAME)
  @Fixed(
      gabor =
          @Gabor(
              orientations = 12,
              wavelengths = {2, 3, 4, 6},
              phases = {0, 90}))
  Bank gabor3;

  @Conv(layer = 11, size = 3, padding = Padding.SAME)
  @Learnable(filters = 96)
  Bank conv3;

  @Conv(layer = 12, size = 1)
  @Learnable(filters = 192)
  Bank cccp5;

  @Conv(layer = 13, size = 1, activation = Activation.NONE)
  @Learnable(filters = 10)
  Bank cccp6;

  @GlobalAvgPool(layer = 14)
  Layer logits;
}
