package io.gaborflow.tensorflow.graph;

import org.tensorflow.types.TFloat32;

/** Copies between TensorFlow's float tensors and Java arrays. */
public final class FloatTensors {
  private FloatTensors() {}

  /** Every value of {@code tensor}, in its row-major order. */
  public static float[] values(TFloat32 tensor) {
    float[] values = new float[Math.toIntExact(tensor.shape().size())];
    tensor.asRawTensor().data().asFloats().read(values);
    return values;
  }
}
