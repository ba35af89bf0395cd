package io.gaborflow.tensorflow.export;

import io.gaborflow.tensorflow.graph.FloatTensors;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The gradient of an exported model's classification loss with respect to its input, through the
 * serving pass (batch normalisation on its moving statistics, no dropout): what white-box attacks
 * and saliency maps need. Added to the export's graph once, beside the serving ops, which it does
 * not change. Safe to call from several threads at once.
 */
public final class InputGradients {
  private static final String SCOPE = "input_gradients";

  private final Session session;
  private final Output<TFloat32> images;
  private final Placeholder<TInt32> labels;
  private final Operand<TFloat32> logits;
  private final Operand<TFloat32> losses;
  private final Output<?> gradient;
  private final ExportMetadata metadata;

  private InputGradients(
      Session session,
      Output<TFloat32> images,
      Placeholder<TInt32> labels,
      Operand<TFloat32> logits,
      Operand<TFloat32> losses,
      Output<?> gradient,
      ExportMetadata metadata) {
    this.session = session;
    this.images = images;
    this.labels = labels;
    this.logits = logits;
    this.losses = losses;
    this.gradient = gradient;
    this.metadata = metadata;
  }

  /**
   * Adds the loss and its input gradient to {@code graph}, whose serving input is op {@code
   * imagesOp} and whose output is the softmax op {@code probabilitiesOp}.
   */
  @SuppressWarnings("unchecked")
  static InputGradients build(
      Graph graph,
      Session session,
      String imagesOp,
      String probabilitiesOp,
      ExportMetadata metadata) {
    GraphOperation softmax = graph.operationOrThrow(probabilitiesOp);
    if (!softmax.type().equals("Softmax")) {
      throw new IllegalStateException(
          "the export's output "
              + probabilitiesOp
              + " is a "
              + softmax.type()
              + ", not the Softmax of the logits that gaborflow exports write; re-export the model"
              + " with this version");
    }
    Output<TFloat32> logits = (Output<TFloat32>) softmax.input(0);
    Output<TFloat32> input = graph.operationOrThrow(imagesOp).<TFloat32>output(0);
    Ops tf = Ops.create(graph).withSubScope(SCOPE);
    Placeholder<TInt32> labels =
        tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    Operand<TFloat32> oneHot =
        tf.oneHot(
            labels, tf.constant(metadata.classNames().size()), tf.constant(1f), tf.constant(0f));
    Operand<TFloat32> losses =
        tf.withName("losses").nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss();
    // The sum's gradient is each image's own: images do not interact in the serving pass.
    Operand<TFloat32> total = tf.reduceSum(losses, tf.constant(0));
    Output<?> gradient = graph.addGradients(total.asOutput(), new Output<?>[] {input})[0];
    return new InputGradients(session, input, labels, logits, losses, gradient, metadata);
  }

  /**
   * The loss of each of {@code count} images (standardised NHWC, as {@link
   * ExportedModel#predict(float[], int)} takes them) against {@code labels}, their logits and the
   * loss's gradient with respect to each image.
   */
  public Evaluation evaluate(float[] standardizedImages, int[] labels, int count) {
    Shape shape = Shape.of(count, metadata.height(), metadata.width(), metadata.channels());
    if (standardizedImages.length < shape.size() || labels.length < count) {
      throw new IllegalArgumentException(
          count
              + " images of "
              + metadata.height()
              + "x"
              + metadata.width()
              + "x"
              + metadata.channels()
              + " need "
              + shape.size()
              + " floats and "
              + count
              + " labels; got "
              + standardizedImages.length
              + " and "
              + labels.length);
    }
    try (TFloat32 x =
            TFloat32.tensorOf(
                shape, DataBuffers.of(standardizedImages, true, false).narrow(shape.size()));
        TInt32 y =
            TInt32.tensorOf(Shape.of(count), DataBuffers.of(labels, true, false).narrow(count));
        Result result =
            session
                .runner()
                .feed(images, x)
                .feed(this.labels, y)
                .fetch(losses)
                .fetch(logits)
                .fetch(gradient)
                .run()) {
      return new Evaluation(
          FloatTensors.values((TFloat32) result.get(0)),
          FloatTensors.values((TFloat32) result.get(1)),
          FloatTensors.values((TFloat32) result.get(2)));
    }
  }

  /**
   * What {@link #evaluate} computes for a batch.
   *
   * @param losses each image's cross-entropy
   * @param logits each image's logits, a row of one per class
   * @param gradient the loss's gradient with respect to each image's standardised pixels, laid out
   *     as the images
   */
  public record Evaluation(float[] losses, float[] logits, float[] gradient) {
    /** The class image {@code i} is put in. */
    public int predicted(int i) {
      int classes = logits.length / losses.length;
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (logits[i * classes + c] > logits[i * classes + best]) {
          best = c;
        }
      }
      return best;
    }
  }
}
