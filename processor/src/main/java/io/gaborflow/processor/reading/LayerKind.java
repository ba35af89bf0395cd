package io.gaborflow.processor.reading;

import io.gaborflow.core.Bank;
import io.gaborflow.core.Layer;
import io.gaborflow.core.annotation.Add;
import io.gaborflow.core.annotation.AvgPool;
import io.gaborflow.core.annotation.BatchNorm;
import io.gaborflow.core.annotation.Blocks;
import io.gaborflow.core.annotation.Conv;
import io.gaborflow.core.annotation.Dense;
import io.gaborflow.core.annotation.Dropout;
import io.gaborflow.core.annotation.Flatten;
import io.gaborflow.core.annotation.GlobalAvgPool;
import io.gaborflow.core.annotation.MaxPool;

/** The layer annotations a field can carry, with the field type each one requires. */
public enum LayerKind {
  CONV(Conv.class, Bank.class, "convolution bank"),
  MAX_POOL(MaxPool.class, Layer.class, "max pooling layer"),
  AVG_POOL(AvgPool.class, Layer.class, "average pooling layer"),
  DENSE(Dense.class, Layer.class, "dense layer"),
  DROPOUT(Dropout.class, Layer.class, "dropout layer"),
  FLATTEN(Flatten.class, Layer.class, "flatten layer"),
  GLOBAL_AVG_POOL(GlobalAvgPool.class, Layer.class, "global average pooling layer"),
  BATCH_NORM(BatchNorm.class, Layer.class, "batch normalisation layer"),
  ADD(Add.class, Layer.class, "shortcut addition"),
  /** The field's type is the block class, so no fixed type is required. */
  BLOCKS(Blocks.class, null, "block");

  private final Class<?> annotation;
  private final Class<?> fieldType;
  private final String description;

  LayerKind(Class<?> annotation, Class<?> fieldType, String description) {
    this.annotation = annotation;
    this.fieldType = fieldType;
    this.description = description;
  }

  public Class<?> annotation() {
    return annotation;
  }

  public String simpleName() {
    return annotation.getSimpleName();
  }

  public Class<?> fieldType() {
    return fieldType;
  }

  public String description() {
    return description;
  }

  /** Whether layers of this kind need a feature map (not a vector) as input. */
  public boolean needsFeatureMap() {
    return this == CONV
        || this == MAX_POOL
        || this == AVG_POOL
        || this == GLOBAL_AVG_POOL
        || this == BLOCKS;
  }

  /** Whether layers of this kind hold weights that batch normalisation may follow. */
  public boolean weighted() {
    return this == CONV || this == DENSE || this == BLOCKS;
  }
}
