package io.gaborflow.processor.steps;

import io.gaborflow.core.annotation.Block;
import io.gaborflow.core.annotation.Fixed;
import io.gaborflow.core.annotation.Learnable;
import io.gaborflow.core.annotation.Network;
import io.gaborflow.processor.base.Message;
import io.gaborflow.processor.base.ValidationReport;
import io.gaborflow.processor.reading.AnnotationReader;
import io.gaborflow.processor.reading.LayerKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;

/**
 * Reports layer and bank annotations on fields of classes without {@code @Network}: without this
 * step such a class would compile silently and generate nothing, and the user would find out only
 * when the generated classes are missing.
 */
public final class OrphanLayerStep {
  private final ProcessingEnvironment env;

  public OrphanLayerStep(ProcessingEnvironment env) {
    this.env = env;
  }

  public void process(RoundEnvironment round) {
    List<Class<? extends java.lang.annotation.Annotation>> annotations = new ArrayList<>();
    for (LayerKind kind : LayerKind.values()) {
      @SuppressWarnings("unchecked")
      Class<? extends java.lang.annotation.Annotation> a =
          (Class<? extends java.lang.annotation.Annotation>) kind.annotation();
      annotations.add(a);
    }
    annotations.add(Fixed.class);
    annotations.add(Learnable.class);
    Set<Element> fields = new LinkedHashSet<>();
    for (Class<? extends java.lang.annotation.Annotation> a : annotations) {
      fields.addAll(round.getElementsAnnotatedWith(a));
    }
    ValidationReport report = new ValidationReport();
    for (Element field : fields) {
      Element owner = field.getEnclosingElement();
      if (AnnotationReader.find(owner, Network.class).isEmpty()
          && AnnotationReader.find(owner, Block.class).isEmpty()) {
        report.error(
            Message.LAYER_OUTSIDE_NETWORK, field, field.getSimpleName(), owner.getSimpleName());
      }
    }
    report.printTo(env.getMessager());
  }
}
