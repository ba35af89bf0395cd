package io.gaborflow.processor.validation;

import io.gaborflow.core.model.NetworkSpec;
import io.gaborflow.processor.base.ValidationReport;
import io.gaborflow.processor.reading.NetworkDeclaration;
import io.gaborflow.processor.reading.NetworkSpecFactory;
import io.gaborflow.processor.reading.NpyResources;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import java.util.Optional;

/**
 * Runs the checks in order, each only when the ones before found nothing: values, then layer
 * structure, then shapes. A later check would otherwise report the echo of an earlier mistake.
 */
public final class NetworkValidator {
  private final AnnotationValueValidator values;
  private final LayerStructureValidator structure = new LayerStructureValidator();
  private final NetworkShapeValidator shapes = new NetworkShapeValidator();
  private final NpyResources resources;

  public NetworkValidator(NpyResources resources, Types types, Elements elements) {
    this.resources = resources;
    this.values = new AnnotationValueValidator(new FilterSourceValidator(resources, types, elements));
  }

  /** The network's spec when it is valid; otherwise empty, with the problems in {@code report}. */
  public Optional<NetworkSpec> validate(NetworkDeclaration declaration, ValidationReport report) {
    values.validate(declaration, report);
    if (!report.isClean()) {
      return Optional.empty();
    }
    structure.validate(declaration, report);
    if (!report.isClean()) {
      return Optional.empty();
    }
    NetworkSpec spec = NetworkSpecFactory.create(declaration, resources);
    shapes.validate(declaration, spec, report);
    return report.isClean() ? Optional.of(spec) : Optional.empty();
  }
}
