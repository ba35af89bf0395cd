package io.gaborflow.processor.validation;

import io.gaborflow.core.model.NetworkSpecException;
import io.gaborflow.processor.base.Message;
import io.gaborflow.processor.base.ValidationReport;
import io.gaborflow.processor.reading.DeclaredNetwork;
import io.gaborflow.processor.reading.LayerField;
import io.gaborflow.processor.reading.NetworkDeclaration;
import io.gaborflow.processor.reading.NetworkSpecFactory;
import io.gaborflow.processor.reading.NpyResources;
import java.util.Optional;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

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
    this.values =
        new AnnotationValueValidator(new FilterSourceValidator(resources, types, elements));
  }

  /** The network's spec when it is valid; otherwise empty, with the problems in {@code report}. */
  public Optional<DeclaredNetwork> validate(
      NetworkDeclaration declaration, ValidationReport report) {
    if (!validateDeclaration(declaration, report)) {
      return Optional.empty();
    }
    for (LayerField use : declaration.fields()) {
      if (use.block() != null && !validateDeclaration(use.block(), new ValidationReport())) {
        // The block's own problems are reported on its fields by the block step.
        report.error(
            Message.BLOCK_HAS_ERRORS,
            use.field(),
            use.layerMirror(),
            use.name(),
            use.block().type().getSimpleName());
      }
    }
    if (!report.isClean()) {
      return Optional.empty();
    }
    DeclaredNetwork network;
    try {
      network = NetworkSpecFactory.create(declaration, resources);
    } catch (NetworkSpecException e) {
      reportPlacement(declaration, e, report);
      return Optional.empty();
    }
    shapes.validate(declaration, network.spec(), report);
    return report.isClean() ? Optional.of(network) : Optional.empty();
  }

  /**
   * Checks a {@code @Block} class on its own, as far as it can be without a use: values and layer
   * structure. Returns whether it is clean.
   */
  public boolean validateDeclaration(NetworkDeclaration declaration, ValidationReport report) {
    values.validate(declaration, report);
    if (report.isClean()) {
      structure.validate(declaration, report);
    }
    return report.isClean();
  }

  private static void reportPlacement(
      NetworkDeclaration declaration, NetworkSpecException e, ValidationReport report) {
    LayerField field =
        declaration.fields().stream()
            .filter(f -> f.name().equals(e.origin()))
            .findFirst()
            .orElseThrow(() -> e);
    switch (e.kind()) {
      case SHORTCUT_SHAPE ->
          report.error(
              Message.ADD_SHAPES_DIFFER,
              field.field(),
              field.layerMirror(),
              field.index(),
              e.getMessage());
      case BLOCK_WIDTH ->
          report.error(
              Message.BLOCK_WIDTH,
              field.field(),
              field.layerMirror(),
              field.layer().explicit("width"),
              field.block().type().getSimpleName(),
              field.blocks().width(),
              e.getMessage());
    }
  }
}
