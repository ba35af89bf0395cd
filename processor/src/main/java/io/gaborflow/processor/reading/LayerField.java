package io.gaborflow.processor.reading;

import io.gaborflow.core.annotation.Add;
import io.gaborflow.core.annotation.AvgPool;
import io.gaborflow.core.annotation.BatchNorm;
import io.gaborflow.core.annotation.Blocks;
import io.gaborflow.core.annotation.Conv;
import io.gaborflow.core.annotation.Dense;
import io.gaborflow.core.annotation.Dropout;
import io.gaborflow.core.annotation.Fixed;
import io.gaborflow.core.annotation.Flatten;
import io.gaborflow.core.annotation.GlobalAvgPool;
import io.gaborflow.core.annotation.Learnable;
import io.gaborflow.core.annotation.MaxPool;
import java.lang.annotation.Annotation;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/**
 * A field of a {@code @Network} or {@code @Block} class that declares a layer or a bank, its
 * annotations read once: typed values ({@link #conv()}, {@link #fixedValues()}, ...) for what they
 * say, and mirrors ({@link #layer()}, {@link #fixed()}, ...) only for where they stand in the
 * source, which diagnostics point at.
 *
 * @param layer where its layer annotation stands
 * @param values its layer annotation's values, typed (a {@link Conv}, a {@link Dense}, ...)
 * @param fixed where its {@code @Fixed} annotation stands, or null
 * @param fixedValues its {@code @Fixed} values, or null
 * @param learnable where its {@code @Learnable} annotation stands, or null
 * @param learnableValues its {@code @Learnable} values, or null
 * @param block the block class a {@code @Blocks} field uses, as read, or null
 */
public record LayerField(
    VariableElement field,
    LayerKind kind,
    AnnotationReader layer,
    Annotation values,
    AnnotationReader fixed,
    Fixed fixedValues,
    AnnotationReader learnable,
    Learnable learnableValues,
    NetworkDeclaration block) {

  public String name() {
    return field.getSimpleName().toString();
  }

  /** The layer index the field declares. */
  public int index() {
    return switch (kind) {
      case CONV -> conv().layer();
      case MAX_POOL -> ((MaxPool) values).layer();
      case AVG_POOL -> ((AvgPool) values).layer();
      case DENSE -> dense().layer();
      case DROPOUT -> dropout().layer();
      case FLATTEN -> ((Flatten) values).layer();
      case GLOBAL_AVG_POOL -> ((GlobalAvgPool) values).layer();
      case BATCH_NORM -> batchNorm().layer();
      case ADD -> add().layer();
      case BLOCKS -> blocks().layer();
    };
  }

  public AnnotationMirror layerMirror() {
    return layer.mirror();
  }

  public Conv conv() {
    return (Conv) values;
  }

  public Dense dense() {
    return (Dense) values;
  }

  public Dropout dropout() {
    return (Dropout) values;
  }

  public BatchNorm batchNorm() {
    return (BatchNorm) values;
  }

  public Add add() {
    return (Add) values;
  }

  public Blocks blocks() {
    return (Blocks) values;
  }

  /** A pooling field's window, stride (0: the window) and padding, for either kind of pooling. */
  public Pool pool() {
    if (values instanceof MaxPool max) {
      return new Pool(max.size(), max.stride(), max.padding());
    }
    AvgPool avg = (AvgPool) values;
    return new Pool(avg.size(), avg.stride(), avg.padding());
  }

  /** The values of {@code @MaxPool} and {@code @AvgPool}, which share no type. */
  public record Pool(int size, int stride, io.gaborflow.core.annotation.Padding padding) {}
}
