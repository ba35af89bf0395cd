package io.gaborflow.core.model;

/**
 * An operation over every kind of layer: a new kind of {@link LayerSpec} adds a method here, and
 * the compiler then names every place that has to handle it (counts, costs, summaries, code
 * generation, lowering, validation).
 *
 * @param <R> what the operation gives for one layer
 */
public interface LayerVisitor<R> {
  /** A convolution layer of one or more banks. */
  R conv(ConvLayerSpec conv);

  /** Max or average pooling. */
  R pool(PoolLayerSpec pool);

  /** A fully connected layer. */
  R dense(DenseLayerSpec dense);

  /** Dropout. */
  R dropout(DropoutLayerSpec dropout);

  /** A reshape of the feature map to a vector. */
  R flatten(FlattenLayerSpec flatten);

  /** The mean of each channel over the map. */
  R globalAvgPool(GlobalAvgPoolLayerSpec pool);

  /** Batch normalisation. */
  R batchNorm(BatchNormLayerSpec norm);

  /** The sum of a block's output and its shortcut. */
  R add(AddLayerSpec add);
}
