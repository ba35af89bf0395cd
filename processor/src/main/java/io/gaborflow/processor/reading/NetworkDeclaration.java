package io.gaborflow.processor.reading;

import io.gaborflow.core.annotation.Block;
import io.gaborflow.core.annotation.Network;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @Network} or {@code @Block} class as read from source: the class, its annotation and its
 * layer fields in declaration order.
 *
 * @param network the class's {@code @Network} or {@code @Block} annotation
 * @param block whether the class is a {@code @Block}
 */
public record NetworkDeclaration(
    TypeElement type, AnnotationReader network, List<LayerField> fields, boolean block) {
  public NetworkDeclaration {
    fields = List.copyOf(fields);
  }

  /** The {@code @Network} values of a network class. */
  public Network networkValues() {
    return type.getAnnotation(Network.class);
  }

  /** The {@code @Block} values of a block class. */
  public Block blockValues() {
    return type.getAnnotation(Block.class);
  }
}
